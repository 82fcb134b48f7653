import type { FindingStatus } from '../../../api/inspection.api.js';
import { t } from '../../../i18n/i18n.js';

export const findingStatusList: readonly FindingStatus[] = [
  'open',
  'confirmed',
  'dismissed',
  'appealed',
  'appeal_upheld',
  'appeal_rejected',
];

export const statusLabel = (status: FindingStatus): string => t(`inspection.status.${status}`);

export const statusColor: Record<FindingStatus, string> = {
  open: 'gold',
  confirmed: 'red',
  dismissed: 'default',
  appealed: 'purple',
  appeal_upheld: 'green',
  appeal_rejected: 'volcano',
};

// The shops' days are China days; "yesterday" is the last full day a period can end on.
const shopOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

const dayText = (ms: number) => new Date(ms + shopOffsetMs).toISOString().slice(0, 10);

/** The last `days` full shop days up to yesterday. */
export const recentPeriod = (days: number, now = Date.now()): { from: string; to: string } => ({
  from: dayText(now - days * dayMs),
  to: dayText(now - dayMs),
});

/** "2026-11-27T06:03:00Z" → "11-27 14:03" in the shops' time. */
export const shortTime = (iso: string): string => {
  const text = new Date(Date.parse(iso) + shopOffsetMs).toISOString();
  return `${text.slice(5, 10)} ${text.slice(11, 16)}`;
};

/** The part of a sub-account name after the shop prefix: 旗舰店:小美 → 小美. */
export const agentName = (agent: string): string => agent.slice(agent.indexOf(':') + 1) || agent;
