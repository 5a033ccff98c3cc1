import { Value } from '@sinclair/typebox/value';
import { MAX_LOG_BYTES, MAX_LOG_ENTRIES, TechnicianLogEntry } from '../../src/protocol/technician-log';

export type LogLines =
  | { ok: true; entries: TechnicianLogEntry[] }
  | { ok: false; code: 'log_too_large' | 'invalid_request'; detail: string };

/** The entries of an upload's `jsonl` (one JSON object a line, each line ending in '\n'), or why they are refused. */
export function parseLogLines(jsonl: string): LogLines {
  if (Buffer.byteLength(jsonl, 'utf8') > MAX_LOG_BYTES) {
    return { ok: false, code: 'log_too_large', detail: `more than ${MAX_LOG_BYTES} bytes: send the log in parts` };
  }
  if (jsonl === '') return { ok: true, entries: [] };
  if (!jsonl.endsWith('\n')) return { ok: false, code: 'invalid_request', detail: 'the last line does not end in a newline' };
  const lines = jsonl.slice(0, -1).split('\n');
  if (lines.length > MAX_LOG_ENTRIES) {
    return { ok: false, code: 'log_too_large', detail: `more than ${MAX_LOG_ENTRIES} entries: send the log in parts` };
  }
  const entries: TechnicianLogEntry[] = [];
  for (const [index, line] of lines.entries()) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return { ok: false, code: 'invalid_request', detail: `line ${index + 1} is not JSON` };
    }
    if (!Value.Check(TechnicianLogEntry, entry)) {
      const first = [...Value.Errors(TechnicianLogEntry, entry)][0];
      return { ok: false, code: 'invalid_request', detail: `line ${index + 1}: ${first?.path ?? ''} ${first?.message ?? ''}`.trim() };
    }
    entries.push(entry);
  }
  return { ok: true, entries };
}
