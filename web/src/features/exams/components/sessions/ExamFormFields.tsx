import { DatePicker, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../../../api/client.js';
import { t } from '../../../../i18n/i18n.js';
import { useTeams, useUsers } from '../../../settings/queries.js';

// The fields an exam sitting's create and edit dialogs share: title, window, candidates.

export type ExamFormValues = {
  title: string;
  window: [Dayjs, Dayjs];
  userIds?: string[];
  teamIds?: string[];
};

const fieldNames: Record<string, keyof ExamFormValues> = {
  title: 'title',
  opensAt: 'window',
  closesAt: 'window',
  userIds: 'userIds',
  addUserIds: 'userIds',
  teamIds: 'teamIds',
  addTeamIds: 'teamIds',
};

/**
 * A validation refusal's details (`body.<field>[i]`) as form errors under their fields; the rest
 * (a paper that cannot be drawn, say) is in the refusal's message, which the dialog shows.
 */
export const refusalFields = (error: unknown) => {
  const details = isApiError(error) && Array.isArray(error.details) ? error.details : [];
  const fields = new Map<keyof ExamFormValues, string[]>();
  for (const detail of details) {
    const match = /^body\.(\w+)/.exec(String(detail?.path ?? ''));
    const name = match?.[1] === undefined ? undefined : fieldNames[match[1]];
    if (name) fields.set(name, [...(fields.get(name) ?? []), String(detail?.message ?? '')]);
  }
  return [...fields].map(([name, errors]) => ({ name, errors }));
};

export const TitleAndWindow = () => (
  <>
    <Form.Item
      name="title"
      label={t('exams.sessions.title')}
      rules={[{ required: true, whitespace: true, message: t('exams.sessions.titleRequired') }]}
    >
      <Input maxLength={200} />
    </Form.Item>
    <Form.Item
      name="window"
      label={t('exams.sessions.window')}
      rules={[
        { required: true, message: t('exams.sessions.windowRequired') },
        {
          validator: (_, value?: [Dayjs, Dayjs]) =>
            !value || value[1].isAfter(value[0])
              ? Promise.resolve()
              : Promise.reject(new Error(t('exams.sessions.windowOrder'))),
        },
      ]}
    >
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: '100%' }}
        aria-label={t('exams.sessions.window')}
      />
    </Form.Item>
  </>
);

/** Agents and whole teams to assign; `required`: at least one of the two (a new sitting). */
export const CandidateFields = ({ required }: { required: boolean }) => {
  const users = useUsers({ role: 'agent' });
  const teams = useTeams();
  // Stable option lists: a new array on every render makes the open dropdown re-measure and move.
  const agentOptions = useMemo(
    () =>
      (users.data ?? [])
        .filter((user) => !user.disabled)
        .map((user) => ({ value: user.id, label: `${user.displayName}（${user.login}）` })),
    [users.data],
  );
  return (
    <>
      <Form.Item name="userIds" label={required ? t('exams.sessions.agents') : t('exams.sessions.addAgents')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={users.isLoading}
          placeholder={t('exams.sessions.agentsPlaceholder')}
          maxTagCount={6}
          options={agentOptions}
        />
      </Form.Item>
      <Form.Item
        name="teamIds"
        label={required ? t('exams.sessions.teams') : t('exams.sessions.addTeams')}
        extra={t('exams.sessions.teamsHelp')}
        dependencies={['userIds']}
        rules={
          required
            ? [
                ({ getFieldValue }) => ({
                  validator: (_, teamIds?: string[]) =>
                    (teamIds?.length ?? 0) + (getFieldValue('userIds')?.length ?? 0) > 0
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('exams.sessions.nobody'))),
                }),
              ]
            : []
        }
      >
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={teams.isLoading}
          options={(teams.data ?? []).map((team) => ({
            value: team.id,
            label: t('exams.sessions.teamOption', { name: team.name, count: team.memberCount }),
          }))}
        />
      </Form.Item>
    </>
  );
};
