import { CheckOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { GradingItem } from '../../../../api/exams-admin.api.js';
import { describeError } from '../../../../api/errors.js';
import { QueryError } from '../../../../components/QueryError.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { answerText } from '../../manage.format.js';
import { useConfirmGrade, useGradingQueue } from '../../manage.queries.js';
import { AttemptReportDrawer } from '../sessions/AttemptReportDrawer.js';
import { HighlightedAnswer } from './HighlightedAnswer.js';

const itemId = (item: GradingItem) => `${item.attemptId}:${item.key}`;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <div>
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {title}
    </Typography.Text>
    <div style={{ marginTop: 2 }}>{children}</div>
  </div>
);

const GradeForm = ({
  item,
  onConfirmed,
  onOpenReport,
}: {
  item: GradingItem;
  onConfirmed: () => void;
  onOpenReport: () => void;
}) => {
  const { message } = App.useApp();
  const [score, setScore] = useState<number | null>(item.suggestedScore);
  const [feedback, setFeedback] = useState('');
  const confirm = useConfirmGrade();
  const answer = typeof item.answer === 'string' ? item.answer : answerText(null, item.answer);
  const keywords = item.rubric.flatMap((rubric) => rubric.keywords);
  const submit = () => {
    if (score === null) return;
    confirm.mutate(
      {
        attemptId: item.attemptId,
        key: item.key,
        score,
        ...(feedback.trim() ? { feedback: feedback.trim() } : {}),
      },
      {
        onSuccess: () => {
          message.success(t('exams.grading.confirmed'));
          onConfirmed();
        },
        onError: (error) => message.error(describeError(error)),
      },
    );
  };
  return (
    <Card
      size="small"
      data-testid="grading-item"
      title={
        <Flex gap={6} align="center" wrap>
          <Tag color={typeColor[item.type]}>{typeLabel(item.type)}</Tag>
          <span style={{ fontWeight: 'normal' }}>
            {item.candidate} · {item.examTitle}
          </span>
        </Flex>
      }
      extra={
        <Button type="link" size="small" onClick={onOpenReport}>
          {t('exams.grading.wholeAttempt')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {item.stem}
        </Typography.Paragraph>
        {item.buyerText && (
          <Section title={t('exams.detail.buyer')}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.buyerText}</Typography.Text>
          </Section>
        )}
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <Section title={t('exams.grading.answer')}>
              <HighlightedAnswer text={answer} keywords={keywords} />
            </Section>
          </Col>
          <Col xs={24} md={12}>
            <Section title={t('exams.detail.reference')}>
              <div
                style={{
                  whiteSpace: 'pre-wrap',
                  background: '#f6ffed',
                  padding: 8,
                  borderRadius: 6,
                  minHeight: 80,
                }}
              >
                {item.reference}
              </div>
            </Section>
          </Col>
        </Row>
        <Section title={t('exams.detail.rubric')}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {item.rubric.map((rubric) => {
              const hit = rubric.keywords.some((word) => answer.includes(word));
              return (
                <li key={rubric.label}>
                  {hit ? (
                    <Tag color="success">{t('exams.grading.hit')}</Tag>
                  ) : (
                    <Tag>{t('exams.grading.miss')}</Tag>
                  )}
                  {t('exams.detail.rubricItem', {
                    label: rubric.label,
                    points: rubric.points,
                    keywords: rubric.keywords.join('、'),
                  })}
                </li>
              );
            })}
          </ul>
        </Section>
        <Flex gap={12} wrap align="end">
          <Section title={t('exams.grading.score', { max: item.maxScore })}>
            <InputNumber
              aria-label={t('exams.grading.scoreLabel')}
              min={0}
              max={item.maxScore}
              step={0.5}
              value={score}
              onChange={setScore}
            />
          </Section>
          <Typography.Text type="secondary">
            {t('exams.grading.suggested', { score: item.suggestedScore })}
          </Typography.Text>
        </Flex>
        <Input.TextArea
          aria-label={t('exams.grading.feedback')}
          placeholder={t('exams.grading.feedback')}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          value={feedback}
          onChange={(event) => setFeedback(event.target.value)}
        />
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={confirm.isPending}
          disabled={score === null}
          onClick={submit}
        >
          {t('exams.grading.confirm')}
        </Button>
      </Flex>
    </Card>
  );
};

/** 阅卷: the answers waiting for a person, one at a time next to the reference and rubric. */
export const GradingQueue = () => {
  const queue = useGradingQueue();
  const [current, setCurrent] = useState<string | null>(null);
  const [reportOf, setReportOf] = useState<string | null>(null);
  const items = queue.data ?? [];
  // After a confirm the list reloads without the graded item: stay at the same place in it.
  const [position, setPosition] = useState(0);
  useEffect(() => {
    if (items.length === 0) return;
    if (current && items.some((item) => itemId(item) === current)) return;
    const next = items[Math.min(position, items.length - 1)];
    if (next) setCurrent(itemId(next));
  }, [items, current, position]);
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => queue.refetch()} />;
  if (queue.isLoading) return <Skeleton active />;
  if (items.length === 0) return <Empty description={t('exams.grading.empty')} data-testid="grading-empty" />;
  const selected = items.find((item) => itemId(item) === current) ?? items[0];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('exams.grading.pending', { count: items.length })}>
          <List
            size="small"
            dataSource={items}
            style={{ maxHeight: 600, overflowY: 'auto' }}
            renderItem={(item, index) => (
              <List.Item
                onClick={() => {
                  setCurrent(itemId(item));
                  setPosition(index);
                }}
                style={{
                  cursor: 'pointer',
                  paddingInline: 8,
                  background: selected && itemId(item) === itemId(selected) ? '#e6f4ff' : undefined,
                }}
              >
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis>{item.stem}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {item.candidate} · {item.examTitle}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {selected && (
          <GradeForm
            key={itemId(selected)}
            item={selected}
            onConfirmed={() => {
              setPosition(items.findIndex((item) => itemId(item) === itemId(selected)));
              setCurrent(null);
            }}
            onOpenReport={() => setReportOf(selected.attemptId)}
          />
        )}
      </Col>
      <AttemptReportDrawer attemptId={reportOf} onClose={() => setReportOf(null)} />
    </Row>
  );
};
