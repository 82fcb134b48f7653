import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Paper, PaperIssue, PaperSpec, ReleasePolicy } from '../../../../api/exams-admin.api.js';
import { isApiError } from '../../../../api/client.js';
import { describeError } from '../../../../api/errors.js';
import { useDebouncedValue } from '../../../../components/useDebouncedValue.js';
import { useIsMobile } from '../../../../components/useIsMobile.js';
import { t } from '../../../../i18n/i18n.js';
import { cleanSpec, issuesOfRefusal, localIssues, newPaperSpec, newSection } from '../../manage.papers.js';
import { usePaper, usePaperPreview, useSavePaper } from '../../manage.queries.js';
import { PaperPreview } from './PaperPreview.js';
import { SectionEditor } from './SectionEditor.js';

const policies: ReleasePolicy[] = ['on_submit', 'after_close', 'never'];

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex vertical gap={2}>
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {label}
    </Typography.Text>
    {children}
  </Flex>
);

const Settings = ({ spec, onChange }: { spec: PaperSpec; onChange: (next: PaperSpec) => void }) => {
  const set = <K extends keyof PaperSpec>(key: K, value: PaperSpec[K]) => onChange({ ...spec, [key]: value });
  const policyOptions = policies.map((value) => ({ value, label: t(`exams.compose.policy.${value}`) }));
  return (
    <Card size="small" title={t('exams.compose.settings')}>
      <Flex vertical gap={12}>
        <Field label={t('exams.compose.title')}>
          <Input
            aria-label={t('exams.compose.title')}
            value={spec.title}
            maxLength={200}
            placeholder={t('exams.compose.titlePlaceholder')}
            onChange={(event) => set('title', event.target.value)}
          />
        </Field>
        <Field label={t('exams.compose.description')}>
          <Input.TextArea
            aria-label={t('exams.compose.description')}
            value={spec.description}
            maxLength={5000}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(event) => set('description', event.target.value)}
          />
        </Field>
        <Flex gap={16} wrap>
          <Field label={t('exams.compose.passMark')}>
            <InputNumber
              aria-label={t('exams.compose.passMark')}
              min={0}
              value={spec.passMark}
              onChange={(value) => set('passMark', value ?? 0)}
            />
          </Field>
          <Field label={t('exams.compose.timeLimitMinutes')}>
            <InputNumber
              aria-label={t('exams.compose.timeLimitMinutes')}
              min={1}
              max={1440}
              precision={0}
              value={spec.timeLimitMinutes}
              onChange={(value) => set('timeLimitMinutes', value ?? 1)}
            />
          </Field>
          <Field label={t('exams.compose.attempts')}>
            <InputNumber
              aria-label={t('exams.compose.attempts')}
              min={0}
              max={100}
              precision={0}
              value={spec.attemptsAllowed}
              onChange={(value) => set('attemptsAllowed', value ?? 0)}
            />
          </Field>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
          {t('exams.compose.attemptsHelp')}
        </Typography.Text>
        <Flex gap={16} wrap>
          <Field label={t('exams.compose.showScore')}>
            <Select<ReleasePolicy>
              aria-label={t('exams.compose.showScore')}
              value={spec.showScore}
              onChange={(value) => set('showScore', value)}
              options={policyOptions}
              style={{ width: 150 }}
            />
          </Field>
          <Field label={t('exams.compose.showKey')}>
            <Select<ReleasePolicy>
              aria-label={t('exams.compose.showKey')}
              value={spec.showKey}
              onChange={(value) => set('showKey', value)}
              options={policyOptions}
              style={{ width: 150 }}
            />
          </Field>
        </Flex>
        <Flex gap={24} wrap>
          <Flex gap={8} align="center">
            <Switch
              aria-label={t('exams.compose.shuffleQuestions')}
              checked={spec.shuffleQuestions}
              onChange={(value) => set('shuffleQuestions', value)}
            />
            {t('exams.compose.shuffleQuestions')}
          </Flex>
          <Flex gap={8} align="center">
            <Switch
              aria-label={t('exams.compose.shuffleOptions')}
              checked={spec.shuffleOptions}
              onChange={(value) => set('shuffleOptions', value)}
            />
            {t('exams.compose.shuffleOptions')}
          </Flex>
          <Flex gap={8} align="center">
            <Switch
              aria-label={t('exams.compose.certifies')}
              checked={spec.certifies}
              onChange={(value) => set('certifies', value)}
            />
            {t('exams.compose.certifies')}
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
};

const ComposerBody = ({ paper, onSaved }: { paper: Paper | null; onSaved: () => void }) => {
  const { message } = App.useApp();
  const [spec, setSpec] = useState<PaperSpec>(() => {
    if (!paper) return newPaperSpec();
    const { id: _id, updatedAt: _updatedAt, ...saved } = paper;
    return saved;
  });
  const [stems, setStems] = useState(new Map<string, string>());
  const [refused, setRefused] = useState<PaperIssue[]>([]);
  const save = useSavePaper();
  const local = useMemo(() => localIssues(spec), [spec]);
  const settled = useDebouncedValue(spec, 400);
  const settledLocal = useMemo(() => localIssues(settled), [settled]);
  const preview = usePaperPreview(settledLocal.length === 0 ? cleanSpec(settled) : null);

  // The preview knows the stems of fixed questions picked in an earlier session.
  useEffect(() => {
    const drawn = preview.data?.questions ?? [];
    if (drawn.some((question) => !stems.has(question.questionId)))
      setStems((known) => new Map([...drawn.map((q) => [q.questionId, q.stem] as const), ...known]));
  }, [preview.data, stems]);

  const change = (next: PaperSpec) => {
    setSpec(next);
    setRefused([]);
  };
  const submit = () =>
    save.mutate(
      { id: paper?.id ?? null, spec: cleanSpec(spec) },
      {
        onSuccess: () => {
          message.success(t('exams.compose.saved'));
          onSaved();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'validation.failed')
            setRefused(issuesOfRefusal(error.details));
          message.error(describeError(error));
        },
      },
    );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <Flex vertical gap={12}>
          <Settings spec={spec} onChange={change} />
          {spec.sections.map((section, index) => (
            <SectionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: sections are positional; issues name them by index
              key={index}
              section={section}
              index={index}
              stems={stems}
              onStems={(picked) => setStems((known) => new Map([...known, ...picked]))}
              onChange={(next) =>
                change({ ...spec, sections: spec.sections.map((s, i) => (i === index ? next : s)) })
              }
              onRemove={
                spec.sections.length > 1
                  ? () => change({ ...spec, sections: spec.sections.filter((_, i) => i !== index) })
                  : null
              }
            />
          ))}
          <Flex gap={8} justify="space-between" wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => change({ ...spec, sections: [...spec.sections, newSection()] })}
              disabled={spec.sections.length >= 50}
            >
              {t('exams.compose.addSection')}
            </Button>
            <Button type="primary" loading={save.isPending} disabled={local.length > 0} onClick={submit}>
              {t('exams.compose.save')}
            </Button>
          </Flex>
        </Flex>
      </Col>
      <Col xs={24} lg={11}>
        <div style={{ position: 'sticky', top: 0 }}>
          <PaperPreview
            spec={spec}
            preview={preview.data}
            localIssues={[...local, ...refused]}
            loading={preview.isFetching}
            error={preview.error}
          />
        </div>
      </Col>
    </Row>
  );
};

/** 组卷: a paper's settings and sections on the left, the live preview on the right. */
export const PaperComposer = ({
  paperId,
  open,
  onClose,
}: {
  /** null: a new paper. */
  paperId: string | null;
  open: boolean;
  onClose: () => void;
}) => {
  const isMobile = useIsMobile();
  const paper = usePaper(open ? paperId : null);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={paperId ? t('exams.compose.editTitle') : t('exams.compose.newTitle')}
      size={isMobile ? '100%' : 1180}
      destroyOnHidden
    >
      {paperId && paper.isLoading && <Skeleton active />}
      {paperId && paper.isError && (
        <Typography.Text type="danger">{describeError(paper.error)}</Typography.Text>
      )}
      {(!paperId || paper.data) && <ComposerBody paper={paper.data ?? null} onSaved={onClose} />}
    </Drawer>
  );
};
