/** One past sign-in attempt, as the throttle sees it. */
export type LoginAttempt = { login: string; ip: string | null; at: Date; success: boolean };

export type ThrottleSettings = { maxFailures: number; lockoutMinutes: number };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

const failuresSinceLastSuccess = (attempts: LoginAttempt[]) => {
  const lastSuccess = attempts.findLastIndex((attempt) => attempt.success);
  return attempts.slice(lastSuccess + 1).filter((attempt) => !attempt.success);
};

/** When the lock from these failures lifts: once fewer than maxFailures remain inside the window. */
const lockedUntil = (failures: LoginAttempt[], { maxFailures, lockoutMinutes }: ThrottleSettings) => {
  if (failures.length < maxFailures) return undefined;
  const oldestCounted = failures[failures.length - maxFailures];
  return oldestCounted && oldestCounted.at.getTime() + lockoutMinutes * 60_000;
};

/**
 * Decides whether a sign-in for `login` from `ip` may be tried at `now`, given recent attempts for
 * that login or from that IP (any order). A login is locked after `maxFailures` failures since its
 * last success within the window; an IP after `maxFailures` failures within the window, whatever
 * the logins. The decision does not depend on the password, so a lock also refuses the right one.
 */
export const decideLoginThrottle = ({
  login,
  ip,
  attempts,
  now,
  settings,
}: {
  login: string;
  ip: string | null;
  attempts: LoginAttempt[];
  now: Date;
  settings: ThrottleSettings;
}): ThrottleDecision => {
  const windowStart = now.getTime() - settings.lockoutMinutes * 60_000;
  const recent = attempts
    .filter((attempt) => attempt.at.getTime() > windowStart && attempt.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const byLogin = failuresSinceLastSuccess(recent.filter((attempt) => attempt.login === login));
  const byIp = ip === null ? [] : recent.filter((attempt) => attempt.ip === ip && !attempt.success);
  const until = Math.max(lockedUntil(byLogin, settings) ?? 0, lockedUntil(byIp, settings) ?? 0);
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
};
