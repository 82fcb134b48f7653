import {
  App,
  Button,
  Empty,
  Flex,
  InputNumber,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Sample } from '../../../api/inspection.api.js';
import { describeError } from '../../../api/errors.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { ShopFilter } from './ShopFilter.js';
import { PeriodPicker } from './PeriodPicker.js';
import { useDrawSamples, useSamples, useScoreSheets } from './queries.js';
import { SampleScoring } from './SampleScoring.js';
import { agentName, recentPeriod } from './workbench.labels.js';

/** 抽检: draw N conversations per agent for a period and score each against a 质检评分表. */
export const Sampling = () => {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(() => recentPeriod(30));
  const [shopId, setShopId] = useState<string | undefined>();
  const [perAgent, setPerAgent] = useState(3);
  const [sheetId, setSheetId] = useState<string | undefined>();
  const [scoring, setScoring] = useState<Sample | undefined>();
  const sheets = useScoreSheets(true);
  const samples = useSamples(period);
  const draw = useDrawSamples();
  // Archived sheets score the samples drawn with them but draw no new ones.
  const drawable = (sheets.data ?? []).filter((one) => one.archivedAt === null);
  const sheet = drawable.find((one) => one.id === sheetId) ?? drawable[0];
  const submit = async () => {
    if (!sheet) return;
    try {
      const drawn = await draw.mutateAsync({ sheetId: sheet.id, ...period, perAgent, shopId });
      message.success(t('inspection.sampling.drawn', { count: drawn.samples.length, seed: drawn.seed }));
    } catch (error) {
      message.error(describeError(error));
    }
  };
  const rows = samples.data ?? [];
  const scored = rows.filter((sample) => sample.total !== null).length;
  const columns: TableColumnsType<Sample> = [
    { title: t('inspection.sampling.day'), dataIndex: 'day', width: 110 },
    {
      title: t('inspection.findings.agent'),
      dataIndex: 'agent',
      render: (agent: string, sample) => (
        <Flex vertical>
          <span>{agentName(agent)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sample.shopName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('inspection.sampling.buyer'), dataIndex: 'buyer', responsive: ['sm'] },
    {
      title: t('inspection.sampling.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: number | null) =>
        total === null ? <Tag>{t('inspection.sampling.unscored')}</Tag> : <strong>{total}</strong>,
    },
    {
      key: 'action',
      width: 100,
      render: (_: unknown, sample) => (
        <Button
          size="small"
          type={sample.total === null ? 'primary' : 'default'}
          onClick={() => setScoring(sample)}
        >
          {sample.total === null ? t('inspection.sampling.score') : t('inspection.sampling.rescore')}
        </Button>
      ),
    },
  ];
  if (sheets.isError) return <QueryError error={sheets.error} onRetry={() => sheets.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <PeriodPicker value={period} onChange={setPeriod} />
        <ShopFilter value={shopId} onChange={setShopId} />
        <Select<string>
          aria-label={t('inspection.sampling.sheet')}
          value={sheet?.id}
          placeholder={t('inspection.sampling.noSheet')}
          onChange={setSheetId}
          options={drawable.map((one) => ({
            value: one.id,
            label: `${one.title} v${one.version}`,
          }))}
          style={{ minWidth: 200, maxWidth: '100%' }}
        />
        <Flex gap={4} align="center">
          <Typography.Text>{t('inspection.sampling.perAgent')}</Typography.Text>
          <InputNumber
            aria-label={t('inspection.sampling.perAgent')}
            min={1}
            max={50}
            precision={0}
            value={perAgent}
            onChange={(value) => setPerAgent(value ?? 1)}
            style={{ width: 70 }}
          />
          <Typography.Text>{t('inspection.sampling.perAgentUnit')}</Typography.Text>
        </Flex>
        <Button type="primary" loading={draw.isPending} disabled={!sheet} onClick={submit}>
          {t('inspection.sampling.draw')}
        </Button>
      </Flex>
      {rows.length > 0 && (
        <Typography.Text type="secondary">
          {t('inspection.sampling.scored', { scored, count: rows.length })}
        </Typography.Text>
      )}
      {samples.isError ? (
        <QueryError error={samples.error} onRetry={() => samples.refetch()} />
      ) : (
        <Table<Sample>
          data-testid="samples-table"
          rowKey="id"
          size="small"
          loading={samples.isLoading}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.sampling.none')} />
            ),
          }}
        />
      )}
      <SampleScoring
        sample={scoring}
        sheet={sheets.data?.find((one) => one.id === scoring?.sheetId)}
        onClose={() => setScoring(undefined)}
      />
    </Flex>
  );
};
