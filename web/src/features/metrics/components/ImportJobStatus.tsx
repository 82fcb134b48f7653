import { Alert, Progress, Space, Table, Tag } from 'antd';
import type { ImportCheck, ImportJob } from '../../../api/metrics.api.js';
import { t } from '../../../i18n/i18n.js';
import { formatBytes } from '../imports.upload.js';
import { count } from '../metrics.format.js';

// A running import job's progress bar, and how an ended job is shown (the same views as a check).

/** The share of the file read; a job without a known size shows 0 until it ends. */
const percentOf = (job: ImportJob) => {
  if (job.status !== 'running') return 100;
  if (!job.bytesTotal) return 0;
  return Math.min(99, Math.floor((100 * job.bytesRead) / job.bytesTotal));
};

export const IssuesTable = ({ job }: { job: ImportCheck | ImportJob }) => (
  <Table
    size="small"
    data-testid="import-issues"
    rowKey={(issue) => `${issue.at?.line ?? 0}-${issue.at?.field ?? ''}-${issue.code}`}
    dataSource={job.issues}
    pagination={{ pageSize: 20, hideOnSinglePage: true }}
    columns={[
      { key: 'line', title: t('metrics.import.line'), width: 70, render: (_, issue) => issue.at?.line ?? '' },
      {
        key: 'field',
        title: t('metrics.import.field'),
        width: 110,
        render: (_, issue) => issue.at?.field ?? '',
      },
      { key: 'message', title: t('metrics.import.problem'), dataIndex: 'message' },
    ]}
  />
);

/** The bar of a running job with the rows read so far. */
export const JobProgress = ({ job, compact = false }: { job: ImportJob; compact?: boolean }) => (
  <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid="import-progress">
    <Progress percent={percentOf(job)} status="active" size={compact ? 'small' : 'default'} />
    <span>
      {t('metrics.import.progress', { rows: count(job.rowsRead), inserted: count(job.rowsInserted) })}
    </span>
  </Space>
);

/**
 * The file going up, before the server answers: the share sent, then (all sent) what the server
 * does before it answers — a check reads the whole file, a real import answers once its job runs.
 */
export const UploadProgress = ({ sent, total, dryRun }: { sent: number; total: number; dryRun: boolean }) => (
  <Space direction="vertical" size={0} style={{ width: '100%', maxWidth: 640 }} data-testid="import-upload">
    <Progress percent={total > 0 ? Math.floor((100 * sent) / total) : 0} status="active" />
    <span>
      {sent < total
        ? t('metrics.import.uploading', { sent: formatBytes(sent), total: formatBytes(total) })
        : t(dryRun ? 'metrics.import.uploaded.check' : 'metrics.import.uploaded.start')}
    </span>
  </Space>
);

/** A job followed on the panel: its bar while it runs, then its result. */
export const JobOutcome = ({ job }: { job: ImportJob }) => {
  if (job.status === 'running') return <JobProgress job={job} />;
  if (job.status === 'failed')
    return (
      <Alert
        data-testid="import-failed"
        type="error"
        showIcon
        title={t('metrics.import.failed', { error: job.error ?? '' })}
      />
    );
  if (job.status === 'rejected')
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          data-testid="import-rejected"
          type="error"
          showIcon
          title={t('metrics.import.rejectedAll', { count: job.errorCount })}
        />
        {job.issues.length > 0 ? <IssuesTable job={job} /> : null}
      </Space>
    );
  return (
    <Alert
      data-testid="import-done"
      type="success"
      showIcon
      title={t('metrics.import.done', {
        inserted: count(job.rowsInserted),
        rejected: count(job.rowsRejected),
      })}
    />
  );
};

const statusColor = { running: 'blue', done: 'green', rejected: 'red', failed: 'red' } as const;

export const JobStatusTag = ({ job }: { job: ImportJob }) => (
  <Tag color={statusColor[job.status]}>{t(`metrics.import.status.${job.status}`)}</Tag>
);
