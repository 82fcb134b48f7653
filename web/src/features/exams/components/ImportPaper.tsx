import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Flex, Input, Result, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client.js';
import { describeError } from '../../../api/errors.js';
import {
  maxPaperBytes,
  type ParsePreview,
  parsePaperFile,
  parsePaperText,
} from '../../../api/questions.api.js';
import { t } from '../../../i18n/i18n.js';
import { errorsByIndex, localErrors, type ReviewItem, toReviewItems, visibleFlags } from '../exams.review.js';
import { useImportQuestions } from '../queries.js';
import { ReviewCard } from './ReviewCard.js';

const toBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const UnreadPanel = ({ unread }: { unread: ParsePreview['unread'] }) => (
  <Collapse
    data-testid="unread-panel"
    items={[
      {
        key: 'unread',
        label: <span style={{ color: '#d46b08' }}>{t('exams.import.unread', { count: unread.length })}</span>,
        children: (
          <>
            <Typography.Paragraph type="secondary">{t('exams.import.unreadHelp')}</Typography.Paragraph>
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 13 }}>
              {unread.map((entry) => (
                <div key={`${entry.line}-${entry.text}`}>
                  <span style={{ color: '#8c8c8c', display: 'inline-block', minWidth: 48 }}>
                    {entry.line}
                  </span>
                  {entry.text}
                </div>
              ))}
            </pre>
          </>
        ),
      },
    ]}
  />
);

/** 导入试题: paste or upload a paper, review what was read, fix what is flagged, import all at once. */
export const ImportPaper = () => {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ParsePreview | null>(null);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [parsing, setParsing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const importing = useImportQuestions();

  const show = (result: ParsePreview) => {
    setPreview(result);
    setItems(toReviewItems(result.questions));
    setImported(null);
  };
  const run = async (work: () => Promise<ParsePreview>) => {
    setParsing(true);
    setError(null);
    try {
      show(await work());
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setParsing(false);
    }
  };
  const upload = async (file: File) => {
    if (file.size > maxPaperBytes) {
      setError(t('exams.import.tooLarge'));
      return;
    }
    await run(async () => parsePaperFile(file.name, await toBase64(file)));
  };
  const blocked = items.filter((item) => localErrors(item).length > 0).length;
  const flagged = items.filter((item) => visibleFlags(item).length > 0).length;
  const importAll = async () => {
    setError(null);
    try {
      const result = await importing.mutateAsync(items.map((item) => item.question));
      setImported(result.imported);
      setPreview(null);
      setItems([]);
      setText('');
    } catch (caught) {
      setError(describeError(caught));
      if (isApiError(caught)) {
        const byIndex = errorsByIndex(caught.details);
        setItems((current) =>
          current.map((item, index) => ({ ...item, serverErrors: byIndex.get(index) ?? item.serverErrors })),
        );
      }
    }
  };

  if (imported !== null) {
    return (
      <Result
        status="success"
        title={t('exams.import.done', { count: imported })}
        extra={[
          <Button key="bank" type="primary" onClick={() => navigate('/exams/bank')}>
            {t('exams.import.viewBank')}
          </Button>,
          <Button key="again" onClick={() => setImported(null)}>
            {t('exams.import.again')}
          </Button>,
        ]}
      />
    );
  }
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Input.TextArea
          aria-label={t('exams.import.paste')}
          placeholder={t('exams.import.placeholder')}
          autoSize={{ minRows: 6, maxRows: 16 }}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Button
            type="primary"
            loading={parsing}
            disabled={!text.trim()}
            onClick={() => run(() => parsePaperText(text))}
          >
            {t('exams.import.parse')}
          </Button>
          <Upload
            accept=".txt,.docx,.xlsx,.gift,.aiken"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={parsing}>
              {t('exams.import.upload')}
            </Button>
          </Upload>
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
      {preview && preview.questions.length === 0 && items.length === 0 && (
        <Alert type="warning" showIcon title={t('exams.import.nothing')} />
      )}
      {preview && preview.unread.length > 0 && <UnreadPanel unread={preview.unread} />}
      {items.length > 0 && (
        <>
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Typography.Text data-testid="import-summary">
              {t('exams.import.summary', { count: items.length, flagged, errors: blocked })}
            </Typography.Text>
            <Flex gap={8} align="center" wrap>
              {blocked > 0 && (
                <Typography.Text type="warning">
                  {t('exams.import.blocked', { count: blocked })}
                </Typography.Text>
              )}
              <Button type="primary" disabled={blocked > 0} loading={importing.isPending} onClick={importAll}>
                {t('exams.import.importAll')}
              </Button>
            </Flex>
          </Flex>
          {items.map((item, index) => (
            <ReviewCard
              key={item.question.id}
              item={item}
              index={index}
              onChange={(next) =>
                setItems((current) => current.map((entry, at) => (at === index ? next : entry)))
              }
              onRemove={() => setItems((current) => current.filter((_, at) => at !== index))}
            />
          ))}
        </>
      )}
    </Flex>
  );
};
