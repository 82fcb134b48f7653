import { Drawer, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ScoreSheet } from '../../../api/inspection.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { useScoreSheetVersions } from './queries.js';

/**
 * 历史版本: every saved version of a sheet, newest first, with its items and how many samples were
 * scored on it — what a score given months ago was given against.
 */
export const ScoreSheetHistory = ({
  sheet,
  onClose,
}: {
  sheet: ScoreSheet | undefined;
  onClose: () => void;
}) => {
  const versions = useScoreSheetVersions(sheet?.id);
  const content = () => {
    if (versions.isError) return <QueryError error={versions.error} onRetry={() => versions.refetch()} />;
    if (!versions.isLoading && (versions.data ?? []).length === 0)
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.sheets.historyEmpty')} />;
    return (
      <Timeline
        items={(versions.data ?? []).map((version) => ({
          key: version.version,
          color: version.version === sheet?.version ? 'blue' : 'gray',
          children: (
            <Flex vertical gap={4} data-testid={`sheet-version-${version.version}`}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>
                  v{version.version} · {version.title}
                </Typography.Text>
                {version.version === sheet?.version && (
                  <Tag color="blue">{t('inspection.sheets.current')}</Tag>
                )}
                <Tag>{t('inspection.sheets.versionScored', { count: version.scored })}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspection.sheets.savedAt', {
                  date: dayjs(version.savedAt).format('YYYY-MM-DD HH:mm'),
                  who: version.savedBy ?? t('inspection.sheets.savedBySystem'),
                  total: version.maxTotal,
                })}
              </Typography.Text>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {version.items.map((item) => (
                  <li key={item.label}>
                    <Typography.Text style={{ wordBreak: 'break-word' }}>{item.label}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' '}
                      · {t('inspection.sheets.points', { points: item.points })}
                    </Typography.Text>
                  </li>
                ))}
              </ol>
            </Flex>
          ),
        }))}
      />
    );
  };
  return (
    <Drawer
      open={sheet !== undefined}
      onClose={onClose}
      title={t('inspection.sheets.historyTitle', { title: sheet?.title ?? '' })}
      width="min(560px, 100vw)"
      loading={versions.isLoading}
    >
      {content()}
    </Drawer>
  );
};
