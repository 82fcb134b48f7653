/** A marked span of a text: UTF-16 offsets, `end` exclusive. */
export type Span = { start: number; end: number };

/** A run of the reply: plain, or inside the spans of one or more findings (by index). */
export type Segment = { text: string; start: number; findings: number[] };

/**
 * Cuts `text` at every finding boundary so overlapping findings highlight correctly; spans outside
 * the text (a stale answer) are clamped rather than trusted.
 */
export const segmentText = (text: string, findings: readonly Span[]): Segment[] => {
  const clamp = (value: number) => Math.min(Math.max(value, 0), text.length);
  const cuts = new Set([0, text.length]);
  for (const finding of findings) {
    cuts.add(clamp(finding.start));
    cuts.add(clamp(finding.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index] ?? 0;
    const end = points[index + 1] ?? text.length;
    if (end <= start) continue;
    const covering = findings.flatMap((finding, position) =>
      clamp(finding.start) <= start && end <= clamp(finding.end) ? [position] : [],
    );
    segments.push({ text: text.slice(start, end), start, findings: covering });
  }
  return segments;
};
