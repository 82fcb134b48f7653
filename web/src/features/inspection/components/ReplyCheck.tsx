import { Alert, App, Button, Card, Col, Flex, Form, Input, Result, Row, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { checkTextMaxLength } from '../../../api/compliance.api.js';
import { describeError } from '../../../api/errors.js';
import { useDebouncedValue } from '../../../components/useDebouncedValue.js';
import { t } from '../../../i18n/i18n.js';
import { type CheckResult, useReplyCheck } from '../queries.js';
import { FindingCard } from './FindingCard.js';
import { HighlightedReply } from './HighlightedReply.js';
import { ShopSelect } from './ShopSelect.js';

// Long enough to skip most keystrokes, short enough to feel live.
const debounceMs = 250;

/** 建议改写: the whole reply with every offending sentence replaced, ready to take over. */
const Rewrite = ({
  rewrite,
  current,
  onAdopt,
}: {
  rewrite: string;
  current: boolean;
  onAdopt: () => void;
}) => (
  <Card
    size="small"
    data-testid="rewrite"
    title={t('inspection.check.rewrite')}
    styles={{ header: { background: '#f6ffed' } }}
    extra={
      <Button size="small" type="primary" disabled={!current} onClick={onAdopt}>
        {t('inspection.check.adoptRewrite')}
      </Button>
    }
  >
    <Typography.Paragraph copyable={{ text: rewrite }} style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
      {rewrite}
    </Typography.Paragraph>
    <Typography.Text type="secondary">{t('inspection.check.rewriteHint')}</Typography.Text>
  </Card>
);

const Findings = ({
  result,
  current,
  onAdopt,
}: {
  result: CheckResult;
  current: boolean;
  onAdopt: (rewrite: string) => void;
}) => {
  if (result.findings.length === 0)
    return (
      <Result
        status="success"
        title={t('inspection.check.clean')}
        subTitle={t('inspection.check.cleanText')}
        style={{ padding: '24px 8px' }}
      />
    );
  const { rewrite } = result;
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong type="danger">
        {t('inspection.check.found', { count: result.findings.length })}
      </Typography.Text>
      {rewrite !== null && <Rewrite rewrite={rewrite} current={current} onAdopt={() => onAdopt(rewrite)} />}
      {result.findings.map((finding) => (
        <FindingCard key={`${finding.rule}-${finding.start}`} finding={finding} />
      ))}
    </Flex>
  );
};

/** 话术检查: the reply is checked as it is typed; violating words are marked and explained. */
export const ReplyCheck = () => {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [buyerText, setBuyerText] = useState('');
  const [shopId, setShopId] = useState<string | undefined>();
  const input = useMemo(
    () => ({ text, ...(buyerText.trim() ? { buyerText } : {}), ...(shopId ? { shopId } : {}) }),
    [text, buyerText, shopId],
  );
  const settled = useDebouncedValue(input, debounceMs);
  const check = useReplyCheck(settled);
  const empty = text.trim() === '';
  const pending = settled !== input || check.isFetching;
  const result = check.isError || empty ? undefined : check.data;
  const adopt = (rewrite: string) => {
    setText(rewrite);
    message.success(t('inspection.check.adopted'));
  };
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={13}>
        <Form layout="vertical">
          <Form.Item label={t('inspection.check.buyer')} htmlFor="inspection-buyer">
            <Input.TextArea
              id="inspection-buyer"
              value={buyerText}
              onChange={(event) => setBuyerText(event.target.value)}
              placeholder={t('inspection.check.buyerPlaceholder')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={checkTextMaxLength}
            />
          </Form.Item>
          <Form.Item label={t('inspection.check.reply')} htmlFor="inspection-reply">
            <Input.TextArea
              id="inspection-reply"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={t('inspection.check.replyPlaceholder')}
              autoSize={{ minRows: 4, maxRows: 12 }}
              maxLength={checkTextMaxLength}
              showCount
            />
          </Form.Item>
          <Form.Item label={t('inspection.check.shop')}>
            <ShopSelect value={shopId} onChange={setShopId} />
          </Form.Item>
        </Form>
        {result && result.findings.length > 0 && (
          <Card size="small" title={t('inspection.check.result')}>
            <HighlightedReply text={result.text} findings={result.findings} />
          </Card>
        )}
      </Col>
      <Col xs={24} lg={11}>
        <Flex vertical gap={12} aria-live="polite">
          {!empty && pending && (
            <Typography.Text type="secondary">
              <Spin size="small" /> {t('inspection.check.checking')}
            </Typography.Text>
          )}
          {empty && <Alert type="info" showIcon title={t('inspection.check.hint')} />}
          {!empty && check.isError && (
            <Alert
              type="error"
              showIcon
              title={t('inspection.check.failed')}
              description={describeError(check.error)}
            />
          )}
          {result && <Findings result={result} current={!pending && result.text === text} onAdopt={adopt} />}
        </Flex>
      </Col>
    </Row>
  );
};
