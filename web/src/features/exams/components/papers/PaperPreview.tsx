import { Alert, Card, Flex, List, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { PaperIssue, PaperPreview as Preview, PaperSpec } from '../../../../api/exams-admin.api.js';
import { describeError } from '../../../../api/errors.js';
import { t } from '../../../../i18n/i18n.js';
import { typeColor, typeLabel } from '../../exams.labels.js';
import { issuesBySection, specTotals } from '../../manage.papers.js';

// A CSS clamp, not Typography's measuring ellipsis: a paper may preview hundreds of questions.
const twoLines = {
  flex: 1,
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

const IssueList = ({ spec, issues }: { spec: PaperSpec; issues: PaperIssue[] }) => (
  <Flex vertical gap={8} data-testid="preview-issues">
    {[...issuesBySection(issues)].map(([section, found]) => (
      <Alert
        key={section}
        type="warning"
        showIcon
        title={
          section < 0
            ? t('exams.compose.paperIssues')
            : t('exams.compose.sectionIssues', {
                n: section + 1,
                title: spec.sections[section]?.title || typeLabel(spec.sections[section]?.type ?? 'single'),
              })
        }
        description={
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {found.map((issue) => (
              <li key={`${issue.code}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        }
      />
    ))}
  </Flex>
);

/**
 * 预览: the spec's totals, every problem (draws the bank cannot fill, a pass mark above the total …)
 * grouped by section, and one sample draw of the questions, section by section.
 */
export const PaperPreview = ({
  spec,
  preview,
  localIssues,
  loading,
  error,
}: {
  spec: PaperSpec;
  preview: Preview | undefined;
  localIssues: PaperIssue[];
  loading: boolean;
  error: unknown;
}) => {
  const totals = specTotals(spec);
  const issues = [...localIssues, ...(localIssues.length === 0 ? (preview?.issues ?? []) : [])];
  const drawn = localIssues.length === 0 ? (preview?.questions ?? []) : [];
  return (
    <Card size="small" title={t('exams.compose.preview')} data-testid="paper-preview">
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('exams.compose.questionCount')} value={totals.questionCount} />
        <Statistic title={t('exams.compose.totalPoints')} value={totals.totalPoints} />
        <Statistic
          title={t('exams.compose.passMark')}
          value={spec.passMark}
          styles={{ content: { color: spec.passMark > totals.totalPoints ? '#cf1322' : undefined } }}
        />
        <Statistic
          title={t('exams.compose.timeLimit')}
          value={t('exams.paperList.minutes', { minutes: spec.timeLimitMinutes })}
        />
      </Flex>
      {error ? (
        <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 8 }} />
      ) : null}
      {issues.length > 0 ? (
        <IssueList spec={spec} issues={issues} />
      ) : (
        preview && <Alert type="success" showIcon title={t('exams.compose.noIssues')} />
      )}
      {loading && !preview && <Skeleton active />}
      {spec.sections.map((section, index) => {
        const questions = drawn.filter((question) => question.section === index);
        if (questions.length === 0) return null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are positional; the preview names them by index
          <div key={index} style={{ marginTop: 12 }}>
            <Typography.Text strong>
              {t('exams.compose.sectionN', { n: index + 1 })} · {section.title}
            </Typography.Text>
            <List
              size="small"
              dataSource={questions}
              renderItem={(question) => (
                <List.Item style={{ paddingInline: 0, alignItems: 'start' }}>
                  <Flex gap={8} style={{ minWidth: 0, flex: 1 }}>
                    <Tag color={typeColor[question.type]} style={{ marginInlineEnd: 0 }}>
                      {typeLabel(question.type)}
                    </Tag>
                    <span style={twoLines}>{question.stem}</span>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {t('exams.papers.pointsEach', { points: question.points })}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </div>
        );
      })}
      {preview && drawn.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('exams.compose.previewNote')}
        </Typography.Paragraph>
      )}
    </Card>
  );
};
