import { Alert, App, Card, Col, Flex, Form, Input, Result, Row, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { checkTextMaxLength, type Finding } from '../../../api/compliance.api.js';
import { describeError } from '../../../api/errors.js';
import { useDebouncedValue } from '../../../components/useDebouncedValue.js';
import { t } from '../../../i18n/i18n.js';
import { adoptSuggestion } from '../inspection.text.js';
import { type CheckResult, useReplyCheck } from '../queries.js';
import { FindingCard } from './FindingCard.js';
import { HighlightedReply } from './HighlightedReply.js';
import { ShopSelect } from './ShopSelect.js';

// Long enough to skip most keystrokes, short enough to feel live.
const debounceMs = 250;

const Findings = ({
  result,
  current,
  onAdopt,
}: {
  result: CheckResult;
  current: boolean;
  onAdopt: (finding: Finding) => void;
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
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong type="danger">
        {t('inspection.check.found', { count: result.findings.length })}
      </Typography.Text>
      {result.findings.map((finding) => (
        <FindingCard
          key={`${finding.rule}-${finding.start}`}
          finding={finding}
          canAdopt={current}
          onAdopt={() => onAdopt(finding)}
        />
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
  const adopt = (finding: Finding) => {
    setText(adoptSuggestion(text, finding));
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
