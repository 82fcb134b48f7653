import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { t } from '../../../i18n/i18n.js';

export type HoursRange = { from: string; to: string };

const clock = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$|^24:00$/;

/** A problem with a clock range, or undefined when it is fine. */
export const hoursProblem = (range: HoursRange | undefined): string | undefined => {
  if (!range || !clock.test(range.from) || !clock.test(range.to)) return t('metrics.settings.problem.time');
  return range.from.padEnd(8, ':00') < range.to.padEnd(8, ':00')
    ? undefined
    : t('metrics.settings.problem.order');
};

/** 考核时段: from and to as HH:MM (to excluded; 24:00 is the end of the day). */
export const HoursInput = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: HoursRange;
  onChange?: (value: HoursRange) => void;
}) => (
  <Flex gap={4} align="center">
    <Input
      aria-label={`${label} ${t('metrics.settings.hours.from')}`}
      value={value?.from}
      onChange={(event) => onChange?.({ from: event.target.value.trim(), to: value?.to ?? '' })}
      placeholder="08:00"
      style={{ width: 84 }}
    />
    <span>–</span>
    <Input
      aria-label={`${label} ${t('metrics.settings.hours.to')}`}
      value={value?.to}
      onChange={(event) => onChange?.({ from: value?.from ?? '', to: event.target.value.trim() })}
      placeholder="23:00"
      style={{ width: 84 }}
    />
  </Flex>
);

import type { TeamRow as Row } from '../settings.fields.js';

/** A problem with the team list, or undefined when it is fine. */
export const teamsProblem = (teams: Record<string, string> | Row[] | undefined): string | undefined => {
  if (Array.isArray(teams)) {
    if (teams.some((row) => (row.agent.trim() === '') !== (row.team.trim() === '')))
      return t('metrics.settings.problem.teamBlank');
    const agents = teams.map((row) => row.agent.trim()).filter((agent) => agent !== '');
    if (new Set(agents).size !== agents.length) return t('metrics.settings.problem.teamTwice');
  }
  return undefined;
};

/**
 * 班组分配: sub-account → team, one row each. The form holds the rows while they are edited (a
 * half-typed row must not vanish); `teamsRecord` (settings.fields.ts) turns them into the saved map.
 */
export const TeamsInput = ({
  value,
  onChange,
}: {
  value?: Record<string, string> | Row[];
  onChange?: (rows: Row[]) => void;
}) => {
  const [rows, setRows] = useState<Row[]>(() =>
    Array.isArray(value)
      ? value
      : Object.entries(value ?? {}).map(([agent, team], key) => ({ key, agent, team })),
  );
  const update = (next: Row[]) => {
    setRows(next);
    onChange?.(next);
  };
  const nextKey = () => rows.reduce((top, row) => Math.max(top, row.key + 1), 0);
  return (
    <Flex vertical gap={6}>
      {rows.map((row, index) => (
        <Flex key={row.key} gap={6} align="center" wrap>
          <Input
            aria-label={`${t('metrics.settings.teams.agent')} ${index + 1}`}
            placeholder={t('metrics.settings.teams.agentPlaceholder')}
            value={row.agent}
            onChange={(event) =>
              update(rows.map((one) => (one.key === row.key ? { ...one, agent: event.target.value } : one)))
            }
            style={{ flex: '1 1 180px', minWidth: 0 }}
          />
          <Input
            aria-label={`${t('metrics.settings.teams.team')} ${index + 1}`}
            placeholder={t('metrics.settings.teams.teamPlaceholder')}
            value={row.team}
            onChange={(event) =>
              update(rows.map((one) => (one.key === row.key ? { ...one, team: event.target.value } : one)))
            }
            style={{ flex: '1 1 140px', minWidth: 0 }}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t('metrics.settings.teams.remove')} ${index + 1}`}
            onClick={() => update(rows.filter((one) => one.key !== row.key))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => update([...rows, { key: nextKey(), agent: '', team: '' }])}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('metrics.settings.teams.add')}
      </Button>
    </Flex>
  );
};
