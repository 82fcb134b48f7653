import { ClockCircleOutlined, LeftOutlined, OrderedListOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Segmented, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorText, t } from '../../../../i18n/i18n.js';
import { useIsMobile } from '../../../../components/useIsMobile.js';
import { answerState, isTyped } from '../../attempt.answers.js';
import { formatRemaining } from '../../attempt.clock.js';
import { type LoadedAttempt, useSubmitAttempt } from '../../candidate.queries.js';
import { type NavigatorMark, QuestionNavigator } from './QuestionNavigator.js';
import { QuestionCard } from './QuestionCard.js';
import { SaveStatus } from './SaveStatus.js';
import { SubmitButton } from './SubmitButton.js';
import { useAnswerSaver, useServerNow, useTabEvents } from './useAttemptSession.js';

const minute = 60_000;
const warnings = [5 * minute, minute];
/** After the deadline the server finalises the attempt on the next read; ask again until it has. */
const timeUpPollMs = 3000;

const Countdown = ({ remaining }: { remaining: number }) => (
  <Typography.Text
    strong
    data-testid="countdown"
    role="timer"
    aria-label={t('exams.take.remaining', { time: formatRemaining(remaining) })}
    style={{
      fontSize: 20,
      fontVariantNumeric: 'tabular-nums',
      color: remaining < 5 * minute ? '#cf1322' : undefined,
      whiteSpace: 'nowrap',
    }}
  >
    <ClockCircleOutlined /> {formatRemaining(remaining)}
  </Typography.Text>
);

/** Sitting an active attempt: 答题卡, one question or all, server-clock countdown, autosave, 交卷. */
export const AttemptSitting = ({ loaded, onReload }: { loaded: LoadedAttempt; onReload: () => void }) => {
  const { view } = loaded;
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [current, setCurrent] = useState(0);
  const [mode, setMode] = useState<'one' | 'all'>('one');
  const [navOpen, setNavOpen] = useState(false);
  const submit = useSubmitAttempt(view.id);
  const { saver, state } = useAnswerSaver(loaded, {
    onClosed: (code) => {
      message.warning(errorText(code, null) ?? t('exams.take.closed'));
      onReload();
    },
    onStale: onReload,
  });
  useTabEvents(view.id, true);
  const now = useServerNow(loaded);
  const remaining = Date.parse(view.deadlineAt) - now;
  const warned = useRef(new Set<number>());

  useEffect(() => {
    for (const threshold of warnings) {
      if (remaining > threshold || warned.current.has(threshold) || remaining <= 0) continue;
      warned.current.add(threshold);
      message.warning(t('exams.take.timeWarning', { minutes: threshold / minute }));
    }
  }, [remaining, message]);

  const timeUp = remaining <= 0;
  useEffect(() => {
    if (!timeUp || !saver) return;
    // Whatever is still unsent goes now; the server refuses answers after the deadline itself.
    void saver.flush().finally(onReload);
    const timer = window.setInterval(onReload, timeUpPollMs);
    return () => window.clearInterval(timer);
  }, [timeUp, saver, onReload]);

  const unsaved = new Set(state.unsaved);
  const marks: NavigatorMark[] = view.questions.map((question) => {
    const draft = saver?.current(question.key);
    return {
      state: answerState(question, draft?.answer),
      flagged: draft?.flagged ?? false,
      unsaved: unsaved.has(question.key),
    };
  });

  const pick = (index: number) => {
    setCurrent(index);
    setNavOpen(false);
    const key = view.questions[index]?.key;
    if (mode === 'all' && key) document.getElementById(`question-${key}`)?.scrollIntoView({ block: 'start' });
    else window.scrollTo({ top: 0 });
  };

  const card = (index: number) => {
    const question = view.questions[index];
    if (!question || !saver) return null;
    const draft = saver.current(question.key);
    return (
      <QuestionCard
        key={question.key}
        question={question}
        number={index + 1}
        answer={draft.answer}
        flagged={draft.flagged}
        unsaved={unsaved.has(question.key)}
        onAnswer={(answer) => saver.edit(question.key, answer, isTyped(question))}
        onToggleFlag={() => saver.toggleFlag(question.key)}
      />
    );
  };

  const navigator = (
    <QuestionNavigator questions={view.questions} marks={marks} current={current} onPick={pick} />
  );

  if (view.questions.length === 0)
    return <Typography.Paragraph type="secondary">{t('exams.take.notOpenYet')}</Typography.Paragraph>;

  return (
    <Flex vertical gap={12} data-testid="attempt-sitting">
      <Card
        size="small"
        style={{ position: 'sticky', top: 0, zIndex: 10 }}
        styles={{ body: { padding: isMobile ? 8 : 12 } }}
      >
        <Flex align="center" justify="space-between" gap={8} wrap>
          <Flex vertical style={{ minWidth: 0, flex: '1 1 200px' }}>
            <Typography.Text strong ellipsis={{ tooltip: view.title }}>
              {view.title}
            </Typography.Text>
            <SaveStatus state={state} onRetry={() => saver?.retryNow()} />
          </Flex>
          <Flex align="center" gap={8}>
            <Countdown remaining={remaining} />
            {isMobile && (
              <Button
                icon={<OrderedListOutlined />}
                aria-label={t('exams.take.navigator')}
                onClick={() => setNavOpen(true)}
              />
            )}
            <SubmitButton
              marks={marks}
              flush={() => saver?.flush() ?? Promise.resolve(0)}
              submit={() => submit.mutateAsync()}
              onPick={pick}
              submitting={submit.isPending}
            />
          </Flex>
        </Flex>
      </Card>
      <Flex gap={16} align="flex-start">
        <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
          <Segmented
            value={mode}
            onChange={(value) => setMode(value as 'one' | 'all')}
            options={[
              { value: 'one', label: t('exams.take.modeOne') },
              { value: 'all', label: t('exams.take.modeAll') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {mode === 'one' ? card(current) : view.questions.map((_, index) => card(index))}
          {mode === 'one' && (
            <Flex justify="space-between" gap={8}>
              <Button icon={<LeftOutlined />} disabled={current === 0} onClick={() => pick(current - 1)}>
                {t('exams.take.previous')}
              </Button>
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                {current + 1} / {view.questions.length}
              </Typography.Text>
              <Button
                type="primary"
                ghost
                disabled={current === view.questions.length - 1}
                onClick={() => pick(current + 1)}
              >
                {t('exams.take.next')} <RightOutlined />
              </Button>
            </Flex>
          )}
        </Flex>
        {!isMobile && (
          <Card
            size="small"
            title={t('exams.take.navigator')}
            style={{ width: 300, position: 'sticky', top: 88 }}
          >
            {navigator}
          </Card>
        )}
      </Flex>
      {isMobile && (
        <Drawer
          title={t('exams.take.navigator')}
          placement="bottom"
          size={520}
          open={navOpen}
          onClose={() => setNavOpen(false)}
        >
          {navigator}
        </Drawer>
      )}
    </Flex>
  );
};
