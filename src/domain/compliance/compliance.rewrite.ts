import type { Finding } from './compliance.types.js';

// Punctuation that ends a clause in a chat reply, full-width and half-width.
const clauseEnds = new Set([...'，,。.！!？?；;～~…\n']);
const sentenceEnds = new Set([...'。.！!？?～~…']);
// The rules' suggestions open with the address 亲; inside a reply that already began, it goes.
const openingAddress = /^亲[，,]\s*/;
// A suggestion and the clauses it replaces settle within a few rounds; this bounds odd rule data.
const maxRounds = 4;

type Span = { start: number; end: number };
type Edit = Span & { finding: Finding };

/** The clause around a span: from the previous clause end to the next one (exclusive). */
const clauseAround = (text: string, { start, end }: Span): Span => {
  let from = start;
  while (from > 0 && !clauseEnds.has(text.charAt(from - 1))) from--;
  let to = Math.max(end, from);
  while (to < text.length && !clauseEnds.has(text.charAt(to))) to++;
  return { start: from, end: to };
};

// The most severe finding of a clause speaks for it: more points first, then the engine's order.
const bySeverity = (a: Finding, b: Finding): number => Number(b.points) - Number(a.points);

/** One edit per clause holding a finding; overlapping clauses merge under the severer finding. */
const editsOf = (text: string, findings: readonly Finding[]): Edit[] => {
  const edits: Edit[] = [];
  for (const finding of [...findings].sort(bySeverity)) {
    const clause = clauseAround(text, finding);
    const overlapping = edits.find((edit) => edit.start < clause.end && clause.start < edit.end);
    if (!overlapping) edits.push({ ...clause, finding });
    else {
      overlapping.start = Math.min(overlapping.start, clause.start);
      overlapping.end = Math.max(overlapping.end, clause.end);
    }
  }
  return edits.sort((a, b) => a.start - b.start);
};

/**
 * Applies one round: a clause of a rule not yet answered gets that rule's suggestion; a further
 * clause of a rule already answered goes, with the punctuation after it.
 */
const applyEdits = (text: string, edits: Edit[], answered: Set<string>): string => {
  let rewritten = '';
  let at = 0;
  for (const edit of edits) {
    rewritten += text.slice(at, edit.start);
    at = edit.end;
    const { rule, suggestion } = edit.finding;
    const inserted = answered.has(rule)
      ? ''
      : edit.start > 0
        ? suggestion.replace(openingAddress, '')
        : suggestion;
    answered.add(rule);
    rewritten += inserted;
    // Nothing left of the clause, or a suggestion with its own full stop: the reply's comma goes.
    const ends = inserted === '' || sentenceEnds.has(inserted.charAt(inserted.length - 1));
    if (ends && clauseEnds.has(text.charAt(at))) at++;
  }
  return rewritten + text.slice(at);
};

/**
 * A compliant rewrite of a reply (建议改写): each clause that breaks a rule is replaced by that
 * rule's suggestion, further clauses breaking the same rule are dropped, and the rest of the reply
 * stays as the agent wrote it. `check` judges the text again after each round, so a violation
 * spread over several clauses is rewritten whole. Null when the reply breaks nothing.
 */
export const rewriteReply = (
  text: string,
  check: (text: string) => readonly Finding[],
  findings: readonly Finding[] = check(text),
): string | null => {
  if (findings.length === 0) return null;
  const answered = new Set<string>();
  let rewritten = text;
  let current = findings;
  for (let round = 0; round < maxRounds && current.length > 0; round++) {
    rewritten = applyEdits(rewritten, editsOf(rewritten, current), answered);
    current = check(rewritten);
  }
  return rewritten;
};
