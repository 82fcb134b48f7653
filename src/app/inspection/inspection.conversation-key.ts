import { dayToText, textToDay } from '../../domain/metrics/index.js';

// Which conversation a finding or a sample is about, as one string: the `conversation` stored with
// findings and samples, and the last segment of GET /api/inspection/conversations/:shopId/:conversation.
// An exported conversation id is its own key. Chats exported without one (the id is optional in
// message imports) are one conversation per buyer and shop-local day — the day of kpi.md's
// reception — keyed `buyer#YYYY-MM-DD`. An exported id that already ends like a derived key
// (`…#YYYY-MM-DD`, then any number of `#`) gets one more `#`: no exported id can read as a derived
// key, and no two exported ids share a key.

const dateTail = '#(\\d{4}-\\d{2}-\\d{2})';
const derivedTail = new RegExp(`${dateTail}$`);
const needsEscape = new RegExp(`${dateTail}#*$`);
const escaped = new RegExp(`${dateTail}#+$`);

/** What a key names: an exported conversation id, or a buyer's chats without one on a local day. */
export type ConversationRef = { conversation: string } | { conversation: ''; buyer: string; day: number };

/** The key of a conversation; `day` (a shop-local day number) matters only without an exported id. */
export const conversationKey = ({
  conversation,
  buyer,
  day,
}: {
  conversation: string;
  buyer: string;
  day: number;
}): string => {
  if (conversation === '') return `${buyer}#${dayToText(day)}`;
  return needsEscape.test(conversation) ? `${conversation}#` : conversation;
};

/** The conversation a key names, or null when no conversation can have it (e.g. `b#2026-02-30`). */
export const parseConversationKey = (key: string): ConversationRef | null => {
  if (key === '') return null;
  if (escaped.test(key)) return { conversation: key.slice(0, -1) };
  const derived = derivedTail.exec(key);
  if (!derived) return { conversation: key };
  const text = derived[1] ?? '';
  const day = textToDay(text);
  if (day === null || dayToText(day) !== text) return null;
  return { conversation: '', buyer: key.slice(0, derived.index), day };
};
