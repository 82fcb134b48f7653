import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionRun } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { ShopFilter } from './ShopFilter.js';
import { PeriodPicker } from './PeriodPicker.js';
import { useRun, useRuns, useStartRun } from './queries.js';
import { recentPeriod } from './workbench.labels.js';

const RunStatus = ({ run }: { run: InspectionRun }) => {
  const values = {
    from: run.from,
    to: run.to,
    checked: run.messagesChecked.toLocaleString('zh-CN'),
    total: run.messagesTotal.toLocaleString('zh-CN'),
    findings: run.findingsCount.toLocaleString('zh-CN'),
    error: run.error ?? '',
  };
  if (run.status === 'failed')
    return <Alert type="error" showIcon title={t('inspection.run.failed', values)} />;
  const percent = run.messagesTotal > 0 ? Math.floor((run.messagesChecked / run.messagesTotal) * 100) : 100;
  return (
    <div data-testid="run-status" data-status={run.status} aria-live="polite">
      <Typography.Text type={run.status === 'done' ? 'secondary' : undefined}>
        {run.status === 'running' ? t('inspection.run.running', values) : t('inspection.run.done', values)}
      </Typography.Text>
      {run.status === 'running' && <Progress percent={percent} status="active" size="small" />}
    </div>
  );
};

/** 批量质检: pick a period and a shop, start a run, and follow its progress. */
export const RunPanel = () => {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(() => recentPeriod(30));
  const [shopId, setShopId] = useState<string | undefined>();
  const runs = useRuns(true);
  const start = useStartRun();
  const [startedId, setStartedId] = useState<string | undefined>();
  const latest = runs.data?.[0];
  const followed = useRun(startedId ?? (latest?.status === 'running' ? latest.id : undefined));
  const shown = followed.data ?? latest;
  const submit = async () => {
    try {
      const run = await start.mutateAsync({ ...period, ...(shopId ? { shopId } : {}) });
      setStartedId(run.id);
      message.info(t('inspection.run.started'));
    } catch (error) {
      message.error(describeError(error));
    }
  };
  return (
    <Card
      size="small"
      title={t('inspection.run.title')}
      extra={
        // Reviewed findings as eval lines for tuning the rules (学习闭环); a plain download link.
        <Button size="small" type="link" icon={<DownloadOutlined />} href="/api/inspection/export.jsonl">
          {t('inspection.run.export')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <PeriodPicker value={period} onChange={setPeriod} />
          <ShopFilter value={shopId} onChange={setShopId} />
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={start.isPending}
            disabled={shown?.status === 'running'}
            onClick={submit}
          >
            {t('inspection.run.start')}
          </Button>
        </Flex>
        {shown ? (
          <RunStatus run={shown} />
        ) : (
          runs.isSuccess && <Typography.Text type="secondary">{t('inspection.run.none')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
};
