import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  type ImportCheck,
  type ImportMode,
  maxPreviewBytes,
  maxUploadBytes,
  type RecordKind,
} from '../../../api/metrics.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { useCheckImport, useImportJob, useImports, useStartImport } from '../imports.queries.js';
import { useMetricsShops } from '../queries.js';
import { IssuesTable, JobOutcome, JobProgress, JobStatusTag, UploadProgress } from './ImportJobStatus.js';
import { formatBytes, previewTooLarge, usePreviewUpload } from '../imports.upload.js';
import { count } from '../metrics.format.js';
import { type FieldColumns, headerMapping, ImportMapping, missingRequired } from './ImportMapping.js';

const kinds: RecordKind[] = ['messages', 'orders', 'ratings', 'tickets'];

const History = ({ jobs }: { jobs: ReturnType<typeof useImports> }) => {
  return (
    <Table
      size="small"
      rowKey="id"
      loading={jobs.isLoading}
      dataSource={jobs.data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 640 }}
      columns={[
        {
          key: 'at',
          title: t('metrics.import.at'),
          render: (_, job) => new Date(job.startedAt).toLocaleString('zh-CN'),
        },
        {
          key: 'kind',
          title: t('metrics.import.kind'),
          render: (_, job) => t(`metrics.import.kind.${job.kind}`),
        },
        { key: 'file', title: t('metrics.import.file'), dataIndex: 'fileName' },
        {
          key: 'status',
          title: t('metrics.import.status'),
          render: (_, job) => <JobStatusTag job={job} />,
        },
        {
          key: 'rows',
          title: t('metrics.import.rows'),
          width: 220,
          render: (_, job) =>
            job.status === 'running' ? (
              <JobProgress job={job} compact />
            ) : (
              `${count(job.rowsRead)} / ${count(job.rowsInserted)} / ${count(job.rowsRejected)}`
            ),
        },
      ]}
    />
  );
};

/**
 * 导入数据: pick a file and shop, map its columns (列映射), check it (nothing stored), see the bad
 * rows, then confirm the import (which saves the mapping as the shop's preset when asked).
 */
export const ImportPanel = () => {
  const [kind, setKind] = useState<RecordKind>('messages');
  const [mode, setMode] = useState<ImportMode>('reject');
  const [shopId, setShopId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportCheck | null>(null);
  // The server's copy of the file from its last check: 确认导入 starts from it without a second upload.
  const [uploadId, setUploadId] = useState<string | undefined>();
  // The job followed on the panel: the one started here, or one still running from before.
  const [jobId, setJobId] = useState<string | undefined>();
  const [columns, setColumns] = useState<FieldColumns>({});
  const [savePreset, setSavePreset] = useState(true);
  // The file going up, until the server answers (then the check's result or the job shows).
  const [uploading, setUploading] = useState<{ sent: number; total: number; dryRun: boolean } | null>(null);
  const shops = useMetricsShops(true);
  const check = useCheckImport();
  const start = useStartImport();
  const jobs = useImports();
  const job = useImportJob(jobId);
  const preview = usePreviewUpload(file, kind, shopId);
  const runningId = jobs.data?.find((entry) => entry.status === 'running')?.id;
  // Coming back to the page while an import runs shows it.
  useEffect(() => {
    if (runningId) setJobId((current) => current ?? runningId);
  }, [runningId]);
  // A changed mapping makes an earlier check stale.
  const changeColumns = useCallback((next: FieldColumns) => {
    setColumns(next);
    setChecked(null);
  }, []);
  const running = job.data?.status === 'running';
  // Another file or choice: the earlier check and an ended job's result no longer apply.
  const reset = () => {
    setChecked(null);
    check.reset();
    start.reset();
    if (!running) setJobId(undefined);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    const input = {
      kind,
      mode,
      file,
      filename: file.name,
      mapping: headerMapping(columns),
      ...(shopId ? { shopId, savePreset } : {}),
      onUploadProgress: (sent: number, total: number) => setUploading({ sent, total, dryRun }),
    };
    // A confirm with the check's upload sends no file; the bar shows only if it must go up again.
    if (dryRun || uploadId === undefined) setUploading({ sent: 0, total: file.size, dryRun });
    try {
      if (dryRun) {
        const result = await check.mutateAsync(input);
        setChecked(result.job);
        setUploadId(result.uploadId);
        return;
      }
      const started = await start.mutateAsync({ ...input, ...(uploadId ? { uploadId } : {}) });
      setChecked(null);
      setUploadId(undefined);
      setJobId(started.job.id);
    } finally {
      setUploading(null);
    }
  };
  const tooLarge = file !== null && file.size > maxUploadBytes;
  const workbookTooLarge = file !== null && !tooLarge && previewTooLarge(file);
  const unmapped = missingRequired(preview.data?.preview, columns, shopId !== undefined);
  const canConfirm = checked !== null && checked.status === 'done' && checked.rowsRead > 0 && !running;
  const failure = check.error ?? start.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label={t('metrics.import.kind')}>
          <Select<RecordKind>
            aria-label={t('metrics.import.kind')}
            value={kind}
            onChange={(value) => {
              setKind(value);
              reset();
            }}
            options={kinds.map((value) => ({ value, label: t(`metrics.import.kind.${value}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('metrics.import.shop')}>
          <Select<string>
            aria-label={t('metrics.import.shop')}
            allowClear
            value={shopId}
            placeholder={t('metrics.import.shopFromFile')}
            onChange={(value) => {
              setShopId(value ?? undefined);
              reset();
            }}
            options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
          />
        </Form.Item>
        <Form.Item label={t('metrics.import.mode')}>
          <Radio.Group
            value={mode}
            onChange={(event) => {
              setMode(event.target.value as ImportMode);
              reset();
            }}
          >
            <Space direction="vertical">
              <Radio value="reject">{t('metrics.import.mode.reject')}</Radio>
              <Radio value="skip">{t('metrics.import.mode.skip')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Upload.Dragger
          accept=".csv,.tsv,.txt,.xlsx,.jsonl,.json"
          maxCount={1}
          beforeUpload={(picked) => {
            setFile(picked);
            setUploadId(undefined);
            reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setUploadId(undefined);
            reset();
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('metrics.import.pick')}</p>
        </Upload.Dragger>
      </Form>
      {tooLarge ? <Alert type="error" title={t('metrics.import.tooLarge')} /> : null}
      {workbookTooLarge ? (
        <Alert
          type="error"
          title={t('metrics.import.previewTooLarge', { size: formatBytes(maxPreviewBytes) })}
        />
      ) : null}
      {file && !tooLarge && !workbookTooLarge ? (
        <ImportMapping
          preview={preview.data?.preview}
          loading={preview.isFetching}
          error={preview.error}
          shopChosen={shopId !== undefined}
          columns={columns}
          onColumns={changeColumns}
          savePreset={savePreset}
          onSavePreset={setSavePreset}
        />
      ) : null}
      {preview.data?.partial ? (
        <Typography.Text type="secondary" data-testid="import-preview-partial">
          {t('metrics.import.previewPartial')}
        </Typography.Text>
      ) : null}
      <Space>
        <Button
          disabled={!file || tooLarge || !preview.data || unmapped.length > 0}
          loading={check.isPending}
          onClick={() => void send(true)}
        >
          {t('metrics.import.check')}
        </Button>
        <Button
          type="primary"
          disabled={!canConfirm}
          loading={start.isPending}
          onClick={() => void send(false)}
        >
          {t('metrics.import.confirm')}
        </Button>
      </Space>
      {uploading ? <UploadProgress {...uploading} /> : null}
      {failure ? <Alert type="error" showIcon title={describeError(failure)} /> : null}
      {checked ? (
        <Alert
          data-testid="import-preview"
          type={checked.status === 'rejected' ? 'error' : checked.rowsRejected > 0 ? 'warning' : 'success'}
          showIcon
          title={
            checked.status === 'rejected'
              ? t('metrics.import.rejectedAll', { count: count(checked.errorCount) })
              : t('metrics.import.preview', {
                  rows: count(checked.rowsRead),
                  inserted: count(checked.rowsInserted),
                  rejected: count(checked.rowsRejected),
                })
          }
        />
      ) : null}
      {checked && checked.issues.length > 0 ? <IssuesTable job={checked} /> : null}
      {job.data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {running ? (
            <Alert type="info" title={t('metrics.import.running', { file: job.data.fileName })} />
          ) : null}
          <JobOutcome job={job.data} />
        </Space>
      ) : null}
      <h4 style={{ margin: 0 }}>{t('metrics.import.history')}</h4>
      <History jobs={jobs} />
    </Space>
  );
};
