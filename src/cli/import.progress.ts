import type { ImportProgress } from '../app/metrics-store/index.js';

// The progress line of `kefu import` on stderr: the share of the file's bytes read, the rows read
// and the rows per second. On a terminal one line is redrawn in place; in a log (not a TTY) a line
// is written at the first batch and then every `everyMs`, so logs stay short.

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** `已读取 120000 行 · 41.0%（12.0 / 29.3 MB） · 8100 行/秒` */
export const progressLine = (progress: ImportProgress, bytesTotal: number | undefined, seconds: number) => {
  const share =
    bytesTotal && bytesTotal > 0
      ? ` · ${((100 * Math.min(progress.bytesRead, bytesTotal)) / bytesTotal).toFixed(1)}%（${megabytes(progress.bytesRead)} / ${megabytes(bytesTotal)} MB）`
      : '';
  const rate = Math.round(progress.rowsRead / Math.max(seconds, 0.001));
  return `已读取 ${progress.rowsRead} 行${share} · ${rate} 行/秒`;
};

/**
 * Writes progress lines to `write`. `tty` redraws one line (at most 10 times a second) and `end`
 * closes it with a line break; otherwise whole lines, the first at once, then one every `everyMs`.
 */
export const progressPrinter = ({
  write,
  tty,
  everyMs,
  bytesTotal,
  now = () => performance.now(),
}: {
  write: (text: string) => void;
  tty: boolean;
  everyMs: number;
  bytesTotal: number | undefined;
  now?: () => number;
}) => {
  const started = now();
  let lastAt: number | undefined;
  const gap = tty ? 100 : everyMs;
  return {
    report: (progress: ImportProgress) => {
      const at = now();
      if (lastAt !== undefined && at - lastAt < gap) return;
      lastAt = at;
      const line = progressLine(progress, bytesTotal, (at - started) / 1000);
      write(tty ? `\r\u001b[K${line}` : `${line}\n`);
    },
    end: () => {
      if (tty && lastAt !== undefined) write('\n');
    },
  };
};
