import { useMemo } from 'react';
import { useRules } from '../../../inspection/queries.js';
import { platformKeys, tagLabel, topics } from '../../exams.labels.js';

/** The bank's tags as select options: topics, platforms, then the rule library's rules by title. */
export const useTagOptions = () => {
  const rules = useRules();
  return useMemo(() => {
    const titles = new Map((rules.data ?? []).map((rule) => [rule.id, rule.title]));
    return [
      ...[...topics, ...platformKeys].map((value) => ({ value, label: tagLabel(value, titles) })),
      ...[...titles].map(([value, label]) => ({ value, label })),
    ];
  }, [rules.data]);
};
