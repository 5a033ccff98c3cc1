/**
 * A report asked for with a week or scope that cannot be: `code` is stable (the route answers it as
 * its ApiError code), `statusCode` what the route answers with — 400 for a malformed week or
 * scope, 404 for a scope well formed but naming no region, branch, centre or terminal.
 */
export type ReportErrorCode = 'invalid_week' | 'invalid_scope' | 'unknown_scope';

export class ReportError extends Error {
  readonly code: ReportErrorCode;
  readonly statusCode: 400 | 404;

  constructor(code: ReportErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'ReportError';
    this.code = code;
    this.statusCode = code === 'unknown_scope' ? 404 : 400;
  }
}
