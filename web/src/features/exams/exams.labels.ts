import type { QuestionFlag, QuestionSource, QuestionType } from '../../api/questions.api.js';
import { type MessageKey, t } from '../../i18n/i18n.js';

export const typeLabel = (type: QuestionType): string => t(`exams.type.${type}`);
export const sourceLabel = (source: QuestionSource): string => t(`exams.source.${source}`);
export const flagLabel = (flag: QuestionFlag): string => t(`exams.flag.${flag}`);

export const typeColor: Record<QuestionType, string> = {
  single: 'blue',
  multiple: 'geekblue',
  true_false: 'cyan',
  fill_blank: 'purple',
  short_answer: 'magenta',
  scenario: 'green',
  case: 'gold',
};

export const topics = [
  'rules',
  'timings',
  'kpi',
  'service_flow',
  'after_sale',
  'pre_sale',
  'platform_pdd',
  'platform_douyin',
  'platform_jd',
  'levels',
  'etiquette',
] as const;

export const platformKeys = ['tmall', 'taobao', 'pdd', 'jd', 'douyin'] as const;

const isKey = (key: string, keys: readonly string[]) => keys.includes(key);

/**
 * A tag as people read it: topics and platforms by their Chinese names, rule ids by the rule
 * library's titles when loaded.
 */
export const tagLabel = (tag: string, ruleTitles: ReadonlyMap<string, string>): string => {
  if (isKey(tag, topics)) return t(`exams.topic.${tag}` as MessageKey);
  if (isKey(tag, platformKeys)) return t(`platform.${tag}` as MessageKey);
  return ruleTitles.get(tag) ?? tag;
};

export const letter = (index: number): string => String.fromCharCode(65 + index);
