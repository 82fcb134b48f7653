import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Typography } from 'antd';
import { t } from '../../../i18n/i18n.js';
import type { TeamRow } from '../settings.values.js';

/**
 * 班组: each team with its name and its members' sub-accounts. Members are picked from the shop's
 * sub-accounts (`agents`) or typed (chat exports may name accounts not registered yet); a
 * sub-account already in another team is offered no more.
 */
export const TeamsInput = ({
  agents,
  value = [],
  onChange,
}: {
  agents: string[];
  value?: TeamRow[];
  onChange?: (rows: TeamRow[]) => void;
}) => {
  const update = (key: number, change: Partial<TeamRow>) =>
    onChange?.(value.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const nextKey = value.reduce((top, row) => Math.max(top, row.key + 1), 0);
  const taken = (key: number) =>
    new Set(value.filter((row) => row.key !== key).flatMap((row) => row.members));
  return (
    <Flex vertical gap={8} data-testid="metrics-settings-teams">
      {value.length === 0 ? (
        <Typography.Text type="secondary">{t('metrics.settings.teams.none')}</Typography.Text>
      ) : null}
      {value.map((row, index) => {
        const others = taken(row.key);
        const suggestions = [...new Set([...agents, ...row.members])].filter((agent) => !others.has(agent));
        return (
          <Card key={row.key} size="small" styles={{ body: { padding: 8 } }}>
            <Flex gap={8} align="start" wrap>
              {/* Wraps instead of scrolling, so a long Chinese name is read whole; one line all the same. */}
              <Input.TextArea
                aria-label={`${t('metrics.settings.teams.name')} ${index + 1}`}
                placeholder={t('metrics.settings.teams.namePlaceholder')}
                value={row.name}
                maxLength={50}
                autoSize={{ minRows: 1, maxRows: 3 }}
                onChange={(event) => update(row.key, { name: event.target.value.replace(/[\r\n]/g, '') })}
                style={{ flex: '1 1 300px', minWidth: 0 }}
              />
              <Select<string[]>
                mode="tags"
                aria-label={`${t('metrics.settings.teams.members')} ${index + 1}`}
                placeholder={t('metrics.settings.teams.membersPlaceholder')}
                value={row.members}
                tokenSeparators={[',', '，', '、']}
                onChange={(members) =>
                  update(row.key, { members: [...new Set(members.map((one) => one.trim()))].filter(Boolean) })
                }
                options={suggestions.map((agent) => ({ value: agent, label: agent }))}
                style={{ flex: '1 1 300px', minWidth: 0 }}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('metrics.settings.teams.remove')} ${index + 1}`}
                onClick={() => onChange?.(value.filter((one) => one.key !== row.key))}
              />
            </Flex>
          </Card>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange?.([...value, { key: nextKey, name: '', members: [] }])}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('metrics.settings.teams.add')}
      </Button>
    </Flex>
  );
};
