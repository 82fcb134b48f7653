/** Errors of the metrics use-case, with stable codes the UI and CLI can map. */
export type MetricsErrorCode =
  | 'metrics.settings_unreadable'
  | 'metrics.settings_invalid'
  | 'metrics.bad_period'
  | 'metrics.import_failed';

export class MetricsError extends Error {
  constructor(
    readonly code: MetricsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MetricsError';
  }
}
