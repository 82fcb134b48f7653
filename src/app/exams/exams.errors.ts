import { AppError, type ErrorDetail } from '../accounts/index.js';

/**
 * The catalogue of exam errors. `.not_found` → 404 and `.conflict` → 409 by suffix; the other 409s
 * (a state the candidate's page should explain) are mapped one by one in the server's error plugin.
 */
export const examsErrors = {
  paperNotFound: (id: string) => new AppError('exams.not_found', `试卷 ${id} 不存在`),
  examNotFound: (id: string) => new AppError('exams.not_found', `考试 ${id} 不存在`),
  /** Also for another candidate's attempt: its existence is not revealed. */
  attemptNotFound: (id: string) => new AppError('exams.not_found', `答卷 ${id} 不存在`),
  questionNotInAttempt: (key: string) => new AppError('exams.not_found', `本答卷没有题目 ${key}`),
  notOpen: (opensAt: Date, closesAt: Date, now: Date) =>
    new AppError(
      'exams.not_open',
      now < opensAt
        ? `考试尚未开始，开始时间 ${opensAt.toISOString()}`
        : `考试已于 ${closesAt.toISOString()} 结束`,
    ),
  notYetOpen: (opensAt: Date) =>
    new AppError('exams.not_open', `考试尚未开始，开始时间 ${opensAt.toISOString()}，届时才能作答`),
  noAttemptsLeft: (allowed: number) =>
    new AppError('exams.no_attempts_left', `本场考试最多可作答 ${allowed} 次，次数已用完`),
  startContended: () => new AppError('exams.conflict', '开始考试的请求冲突，请刷新后重试'),
  attemptClosed: () => new AppError('exams.attempt_closed', '答卷已交卷，不能再修改'),
  deadlinePassed: (deadlineAt: Date) =>
    new AppError('exams.deadline_passed', `作答时间已于 ${deadlineAt.toISOString()} 结束，答卷已自动交卷`),
  /** validatePaperSpec or a draw the bank cannot fill; each detail names the section. */
  paperInvalid: (details: ErrorDetail[]) =>
    new AppError('validation.failed', `试卷设置有 ${details.length} 处问题`, details),
  /** The bank no longer holds enough questions for a draw of the exam's paper. */
  paperUnavailable: (message: string) => new AppError('exams.conflict', `无法按试卷规则抽题：${message}`),
  invalidAnswer: (message: string) =>
    new AppError('validation.failed', `答案格式不正确：${message}`, [{ path: 'body.answer', message }]),
  invalidWindow: () =>
    new AppError('validation.failed', '结束时间必须晚于开始时间', [
      { path: 'body.closesAt', message: '结束时间必须晚于开始时间' },
    ]),
  unknownUsers: (details: ErrorDetail[]) =>
    new AppError('validation.failed', '部分考生不存在或不属于本组织', details),
  notPendingReview: (attemptId: string, key: string) =>
    new AppError('exams.conflict', `答卷 ${attemptId} 的第 ${key} 题不在待阅卷列表中`),
  scoreOutOfRange: (max: number) =>
    new AppError('validation.failed', `分数须在 0 到 ${max} 之间`, [
      { path: 'body.score', message: `0 到 ${max}` },
    ]),
  regradeIncompatible: (questionId: string, reason: string) =>
    new AppError('exams.conflict', `试题 ${questionId} 无法重新判分：${reason}`),
  notInWrongBook: (questionId: string) => new AppError('exams.not_found', `错题本中没有试题 ${questionId}`),
};
