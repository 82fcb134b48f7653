import { Alert, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { PaperDefinition } from '../../../api/questions.api.js';
import { QueryError } from '../../../components/QueryError.js';
import { t } from '../../../i18n/i18n.js';
import { tagLabel, typeColor, typeLabel } from '../exams.labels.js';

// Paper draws name topics and platforms; rule ids, if any, stay as written.
const noRuleTitles: ReadonlyMap<string, string> = new Map();
import { usePapers } from '../queries.js';

type Section = PaperDefinition['sections'][number];

const countOf = (section: Section) => section.draw?.count ?? section.questionIds?.length ?? 0;

const ruleText = (section: Section) => {
  if (section.questionIds) return t('exams.papers.fixed', { count: section.questionIds.length });
  const draw = section.draw;
  if (!draw) return '';
  const parts = [t('exams.papers.draw', { count: draw.count })];
  if (draw.difficulty)
    parts.push(t('exams.papers.difficulty', { min: draw.difficulty[0], max: draw.difficulty[1] }));
  return parts.join(' · ');
};

const columns = [
  { title: t('exams.papers.section'), dataIndex: 'title' },
  {
    title: t('exams.bank.type'),
    dataIndex: 'type',
    width: 80,
    render: (type: Section['type']) => <Tag color={typeColor[type]}>{typeLabel(type)}</Tag>,
  },
  {
    title: t('exams.papers.rule'),
    key: 'rule',
    render: (_: unknown, section: Section) => (
      <Flex vertical gap={4}>
        <span>{ruleText(section)}</span>
        <Flex gap={4} wrap>
          {(section.draw?.tags ?? []).map((tag) => (
            <Tag key={tag}>{tagLabel(tag, noRuleTitles)}</Tag>
          ))}
          {section.draw && !section.draw.tags && (
            <Typography.Text type="secondary">{t('exams.papers.anyTag')}</Typography.Text>
          )}
          {(section.questionIds ?? []).map((id) => (
            <Tag key={id}>{id}</Tag>
          ))}
        </Flex>
      </Flex>
    ),
  },
  {
    title: t('exams.papers.subtotal'),
    key: 'subtotal',
    width: 120,
    render: (_: unknown, section: Section) => (
      <span>
        {t('exams.papers.pointsEach', { points: section.pointsEach })}
        <br />
        <strong>{countOf(section) * section.pointsEach}</strong>
      </span>
    ),
  },
];

const PaperCard = ({ paper }: { paper: PaperDefinition }) => {
  const total = paper.sections.reduce((sum, section) => sum + countOf(section) * section.pointsEach, 0);
  const count = paper.sections.reduce((sum, section) => sum + countOf(section), 0);
  return (
    <Card title={paper.title} data-testid="paper-definition">
      <Typography.Paragraph>{paper.description}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{t('exams.papers.timeLimit', { minutes: paper.timeLimitMinutes })}</Tag>
        <Tag color="green">{t('exams.papers.passMark', { mark: paper.passMark })}</Tag>
        <Tag>{t('exams.papers.total', { points: total })}</Tag>
        <Tag>{t('exams.papers.questions', { count })}</Tag>
      </Flex>
      <Table<Section>
        rowKey="title"
        size="small"
        pagination={false}
        dataSource={paper.sections}
        columns={columns}
        scroll={{ x: 560 }}
      />
    </Card>
  );
};

/** 试卷: the built-in paper definitions, read-only until online exams arrive. */
export const PaperDefinitions = () => {
  const papers = usePapers();
  if (papers.isError) return <QueryError error={papers.error} onRetry={() => papers.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('exams.papers.note')} />
      {papers.isLoading && <Skeleton active />}
      {papers.data?.map((paper) => (
        <PaperCard key={paper.id} paper={paper} />
      ))}
    </Flex>
  );
};
