import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Radio, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import {
  type ImportJob,
  type ImportMode,
  maxImportBytes,
  type RecordKind,
} from '../../../api/metrics.api.js';
import { describeError } from '../../../api/errors.js';
import { t } from '../../../i18n/i18n.js';
import { useImportRecords, useImports, useMetricsShops } from '../queries.js';

const kinds: RecordKind[] = ['messages', 'orders', 'ratings', 'tickets'];

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode under the argument limit of large files.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

const IssuesTable = ({ job }: { job: ImportJob }) => (
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

const History = () => {
  const jobs = useImports(true);
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
          render: (_, job) => (
            <Tag color={job.status === 'done' ? 'green' : 'red'}>
              {t(`metrics.import.status.${job.status}`)}
            </Tag>
          ),
        },
        {
          key: 'rows',
          title: t('metrics.import.rows'),
          render: (_, job) => `${job.rowsRead} / ${job.rowsInserted} / ${job.rowsRejected}`,
        },
      ]}
    />
  );
};

/** 导入数据: pick a file, check it (nothing stored), see the bad rows, then confirm the import. */
export const ImportPanel = () => {
  const [kind, setKind] = useState<RecordKind>('messages');
  const [mode, setMode] = useState<ImportMode>('reject');
  const [shopId, setShopId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportJob | null>(null);
  const [done, setDone] = useState<ImportJob | null>(null);
  const shops = useMetricsShops(true);
  const upload = useImportRecords();
  const reset = () => {
    setChecked(null);
    setDone(null);
    upload.reset();
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    const input = {
      kind,
      mode,
      filename: file.name,
      contentBase64: await toBase64(file),
      dryRun,
      ...(shopId ? { shopId } : {}),
    };
    const { job } = await upload.mutateAsync(input);
    if (dryRun) setChecked(job);
    else {
      setChecked(null);
      setDone(job);
    }
  };
  const tooLarge = file !== null && file.size > maxImportBytes;
  const canConfirm = checked !== null && checked.status === 'done' && checked.rowsRead > 0;
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
            reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
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
      <Space>
        <Button
          disabled={!file || tooLarge}
          loading={upload.isPending && !checked}
          onClick={() => void send(true)}
        >
          {t('metrics.import.check')}
        </Button>
        <Button
          type="primary"
          disabled={!canConfirm}
          loading={upload.isPending && canConfirm}
          onClick={() => void send(false)}
        >
          {t('metrics.import.confirm')}
        </Button>
      </Space>
      {upload.isError ? <Alert type="error" showIcon title={describeError(upload.error)} /> : null}
      {checked ? (
        <Alert
          data-testid="import-preview"
          type={checked.status === 'rejected' ? 'error' : checked.rowsRejected > 0 ? 'warning' : 'success'}
          showIcon
          title={
            checked.status === 'rejected'
              ? t('metrics.import.rejectedAll', { count: checked.errorCount })
              : t('metrics.import.preview', {
                  rows: checked.rowsRead,
                  inserted: checked.rowsInserted,
                  rejected: checked.rowsRejected,
                })
          }
        />
      ) : null}
      {checked && checked.issues.length > 0 ? <IssuesTable job={checked} /> : null}
      {done ? (
        <Alert
          data-testid="import-done"
          type="success"
          showIcon
          title={t('metrics.import.done', { inserted: done.rowsInserted, rejected: done.rowsRejected })}
        />
      ) : null}
      <h4 style={{ margin: 0 }}>{t('metrics.import.history')}</h4>
      <History />
    </Space>
  );
};
