import { Fragment } from 'react';
import { t } from '../../../../i18n/i18n.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The candidate's text with the rubric's keywords marked, so a grader sees at once what it covers. */
export const HighlightedAnswer = ({ text, keywords }: { text: string; keywords: string[] }) => {
  const words = [...new Set(keywords.filter(Boolean))].sort((a, b) => b.length - a.length);
  const parts =
    words.length === 0 ? [text] : text.split(new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'g'));
  return (
    <div
      data-testid="grading-answer"
      style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, borderRadius: 6, minHeight: 80 }}
    >
      {text.trim() === ''
        ? t('exams.report.blank')
        : parts.map((part, index) =>
            words.includes(part) ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text
              <mark key={index} style={{ background: '#fff566', padding: 0 }}>
                {part}
              </mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text
              <Fragment key={index}>{part}</Fragment>
            ),
          )}
    </div>
  );
};
