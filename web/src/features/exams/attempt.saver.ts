import { isApiError } from '../../api/client.js';
import type { CandidateAnswer, SavedAnswer, SavedAnswerAck } from '../../api/exams.api.js';

/** One question's answer and 标记 at a revision. */
export type Draft = { answer: CandidateAnswer; flagged: boolean; revision: number };

/** The part of localStorage the saver uses (injected, so tests run without a browser). */
export type KeyValueStorage = {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
};

export type SaverDeps = {
  attemptId: string;
  send: (key: string, draft: Draft) => Promise<SavedAnswerAck>;
  storage: KeyValueStorage | null;
  /** The server's time now in ms (the revision base) and when the attempt started. */
  serverNow: () => number;
  startedAt: number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** The attempt was handed in (another window, the deadline): stop and show the result. */
  onClosed: (code: string) => void;
  /** The server holds a newer answer than this window (another window): reload the attempt. */
  onStale: () => void;
  /** The session ended: answers stay in storage until the candidate signs in and comes back. */
  onSignedOut: () => void;
};

export type SaverState = {
  /** Keys with an answer the server has not confirmed yet. */
  unsaved: string[];
  /** Saving failed for a network reason and is retried with backoff. */
  retrying: boolean;
  /** Answers the server refused (bad shape); kept, shown, and sent again on the next change. */
  rejected: Record<string, unknown>;
  signedOut: boolean;
  closed: boolean;
};

export const storageKeyOf = (attemptId: string) => `kefu.exam-attempt.${attemptId}`;

const typingPauseMs = 800;
const backoffMs = (failures: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
const closingCodes = new Set(['exams.attempt_closed', 'exams.deadline_passed', 'exams.not_open']);
const maxRevision = 1_000_000_000;

const isDraft = (value: unknown): value is Draft =>
  typeof value === 'object' &&
  value !== null &&
  'revision' in value &&
  Number.isInteger(value.revision) &&
  'flagged' in value &&
  typeof value.flagged === 'boolean' &&
  'answer' in value;

const isRetryable = (error: unknown) =>
  !isApiError(error) || error.status === 0 || error.status === 429 || error.status >= 500;

/**
 * Autosave of an attempt's answers. Every change gets a higher revision; a change is sent at once
 * (typed answers after a pause), kept in storage until the server confirms it, and retried with
 * backoff while the network fails. After a reload, stored answers newer than the server's are sent
 * again; older ones are dropped, so a newer server revision is never overwritten.
 */
export class AnswerSaver {
  readonly #deps: SaverDeps;
  readonly #saved = new Map<string, Draft>();
  readonly #pending = new Map<string, Draft>();
  readonly #issued = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #typing = new Map<string, unknown>();
  readonly #rejected = new Map<string, unknown>();
  readonly #listeners = new Set<() => void>();
  #retryTimer: unknown = null;
  #failures = 0;
  #signedOut = false;
  #closed = false;
  #state: SaverState = { unsaved: [], retrying: false, rejected: {}, signedOut: false, closed: false };

  constructor(deps: SaverDeps, answers: Record<string, SavedAnswer>, flagged: readonly string[]) {
    this.#deps = deps;
    for (const [key, draft] of Object.entries(this.#readStorage())) this.#pending.set(key, draft);
    this.adopt(answers, flagged);
    for (const key of this.#pending.keys()) void this.#send(key);
  }

  /** Takes the server's answers (a reload of the attempt); local changes it already has are dropped. */
  adopt(answers: Record<string, SavedAnswer>, flagged: readonly string[]): void {
    for (const [key, saved] of Object.entries(answers)) {
      // A reply that left the server before one of our saves was confirmed must not roll it back.
      if (saved.revision < (this.#saved.get(key)?.revision ?? 0)) continue;
      this.#saved.set(key, {
        answer: saved.answer,
        flagged: flagged.includes(key),
        revision: saved.revision,
      });
      const pending = this.#pending.get(key);
      if (pending && pending.revision <= saved.revision) this.#pending.delete(key);
    }
    this.#persist();
    this.#emit();
  }

  /** The answer and 标记 the page shows: the newest local change, else the server's. */
  current(key: string): Draft {
    return this.#pending.get(key) ?? this.#saved.get(key) ?? { answer: null, flagged: false, revision: 0 };
  }

  state = (): SaverState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  edit(key: string, answer: CandidateAnswer, typed: boolean): void {
    this.#change(key, { answer, flagged: this.current(key).flagged }, typed);
  }

  toggleFlag(key: string): void {
    const current = this.current(key);
    this.#change(key, { answer: current.answer, flagged: !current.flagged }, false);
  }

  /** Sends everything now (before 交卷) and resolves with the number of answers still unsaved. */
  async flush(): Promise<number> {
    for (const [key, timer] of this.#typing) {
      this.#deps.clearTimer(timer);
      this.#typing.delete(key);
    }
    this.#clearRetry();
    for (const key of this.#pending.keys()) void this.#send(key);
    // A save that completes may start the next one (a change made meanwhile): wait for those too.
    for (let round = 0; round < 5 && this.#inFlight.size > 0; round++)
      await Promise.allSettled([...this.#inFlight.values()]);
    return this.#pending.size;
  }

  /** Retries at once (the browser is back online, or the candidate pressed 重试). */
  retryNow(): void {
    this.#clearRetry();
    for (const key of this.#pending.keys()) if (!this.#typing.has(key)) void this.#send(key);
  }

  dispose(): void {
    this.#closed = true;
    this.#clearRetry();
    for (const timer of this.#typing.values()) this.#deps.clearTimer(timer);
    this.#typing.clear();
    this.#listeners.clear();
  }

  /** Deciseconds since the start on the server's clock, so across two windows the later change wins. */
  #nextRevision(key: string): number {
    const previous = Math.max(
      this.#issued.get(key) ?? 0,
      this.#saved.get(key)?.revision ?? 0,
      this.#pending.get(key)?.revision ?? 0,
    );
    const byTime = Math.floor((this.#deps.serverNow() - this.#deps.startedAt) / 100);
    const revision = Math.min(maxRevision, Math.max(previous + 1, byTime));
    this.#issued.set(key, revision);
    return revision;
  }

  #change(key: string, value: Omit<Draft, 'revision'>, typed: boolean): void {
    if (this.#closed) return;
    this.#pending.set(key, { ...value, revision: this.#nextRevision(key) });
    this.#rejected.delete(key);
    this.#persist();
    this.#emit();
    const waiting = this.#typing.get(key);
    if (waiting !== undefined) this.#deps.clearTimer(waiting);
    if (!typed) {
      this.#typing.delete(key);
      void this.#send(key);
      return;
    }
    this.#typing.set(
      key,
      this.#deps.setTimer(() => {
        this.#typing.delete(key);
        void this.#send(key);
      }, typingPauseMs),
    );
  }

  #send(key: string): Promise<void> {
    const running = this.#inFlight.get(key);
    if (running) return running;
    const draft = this.#pending.get(key);
    if (!draft || this.#closed || this.#signedOut || this.#retryTimer !== null) return Promise.resolve();
    const done = this.#deps
      .send(key, draft)
      .then(
        (ack) => this.#confirmed(key, draft, ack),
        (error: unknown) => this.#failed(key, error),
      )
      .finally(() => {
        this.#inFlight.delete(key);
        this.#persist();
        this.#emit();
        // A change made while this one was on its way goes next (unless it waits for a typing pause).
        if (this.#pending.has(key) && !this.#typing.has(key) && !this.#rejected.has(key))
          void this.#send(key);
      });
    this.#inFlight.set(key, done);
    return done;
  }

  #confirmed(key: string, draft: Draft, ack: SavedAnswerAck): void {
    this.#failures = 0;
    this.#saved.set(key, { ...draft, revision: Math.max(draft.revision, ack.revision) });
    const pending = this.#pending.get(key);
    if (pending && pending.revision <= ack.revision) this.#pending.delete(key);
    // The server kept a newer revision than ours: another window answered later, so show that.
    if (ack.revision > draft.revision) this.#deps.onStale();
  }

  #failed(key: string, error: unknown): void {
    if (isApiError(error) && closingCodes.has(error.code)) {
      this.#closed = true;
      this.#pending.clear();
      this.#deps.onClosed(error.code);
      return;
    }
    if (isApiError(error) && (error.status === 401 || error.status === 403)) {
      this.#signedOut = true;
      this.#deps.onSignedOut();
      return;
    }
    if (!isRetryable(error)) {
      this.#rejected.set(key, error);
      return;
    }
    // One failed round (however many answers were in it) doubles the wait once.
    if (this.#retryTimer === null) {
      this.#failures++;
      this.#retryTimer = this.#deps.setTimer(() => {
        this.#retryTimer = null;
        this.retryNow();
      }, backoffMs(this.#failures));
    }
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) this.#deps.clearTimer(this.#retryTimer);
    this.#retryTimer = null;
  }

  #readStorage(): Record<string, Draft> {
    try {
      const text = this.#deps.storage?.getItem(storageKeyOf(this.#deps.attemptId));
      const parsed: unknown = text ? JSON.parse(text) : null;
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, Draft] => isDraft(entry[1])),
      );
    } catch {
      return {};
    }
  }

  #persist(): void {
    const key = storageKeyOf(this.#deps.attemptId);
    try {
      if (this.#pending.size === 0) this.#deps.storage?.removeItem(key);
      else this.#deps.storage?.setItem(key, JSON.stringify(Object.fromEntries(this.#pending)));
    } catch {
      // Storage full or disabled (private mode): saving to the server still works, only a reload
      // during an outage would lose the unsent answers.
    }
  }

  #emit(): void {
    this.#state = {
      unsaved: [...this.#pending.keys()],
      retrying: this.#failures > 0,
      rejected: Object.fromEntries(this.#rejected),
      signedOut: this.#signedOut,
      closed: this.#closed,
    };
    for (const listener of this.#listeners) listener();
  }
}
