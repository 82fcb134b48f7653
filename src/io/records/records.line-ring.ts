import { type MessageLayout, rowStride } from './records.message-parse.js';

// What the main thread and the line worker (records.line-worker.ts) share: the ring of chunk
// slots in shared memory and the messages the worker sends.

export type LineWorkerInput = {
  file: string;
  /** Byte offset of the first line after the header, and its line number. */
  offset: number;
  firstLine: number;
  layout: MessageLayout;
  ring: LineRing;
};

/** Shared memory: per slot the bytes, the rows and the times; `busy[i]` is 1 while the main thread reads slot i. */
export type LineRing = {
  bytes: SharedArrayBuffer[];
  rows: SharedArrayBuffer[];
  times: SharedArrayBuffer[];
  busy: SharedArrayBuffer;
};

/** A slot filled with whole lines: `length` bytes, `count` lines from `firstLine`. */
export type LineChunk = { kind: 'chunk'; slot: number; length: number; count: number; firstLine: number };
/** Bytes that are not text (`binary`: a NUL byte; `encoding`: not UTF-8) or a record too long. */
export type LineFailure = { kind: 'encoding' | 'binary' | 'syntax'; message: string; line: number };
export type LineMessage = LineChunk | LineFailure | { kind: 'end' };

export const slots = 4;
export const readBytes = 1 << 21;
/** Past this a line cannot be a record the string reader would accept (1 M characters). */
export const longestLineBytes = 1 << 24;
/** Lines per chunk at most (a chunk of short lines ends early). */
export const linesPerChunk = 1 << 15;

/** The shared memory for a worker; pages a chunk never touches are never resident. */
export const lineRing = (): LineRing => ({
  bytes: Array.from({ length: slots }, () => new SharedArrayBuffer(longestLineBytes + readBytes)),
  rows: Array.from({ length: slots }, () => new SharedArrayBuffer(linesPerChunk * rowStride * 4)),
  times: Array.from({ length: slots }, () => new SharedArrayBuffer(linesPerChunk * 8)),
  busy: new SharedArrayBuffer(slots * 4),
});
