// docs/benchmarks.md holds one section per bench, each between its own marker comments, so a bench
// rewrites its section and leaves the others' figures alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmarks\n';

/** `doc` with the section `name` replaced by `body`, or with it appended when it is not there yet. */
export function replaceSection(doc: string, name: string, body: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${body.trim()}\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close, start);
  if (start >= 0 && end > start) return doc.slice(0, start) + block + doc.slice(end + close.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

export function writeSection(file: string, name: string, body: string): void {
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : TITLE;
  writeFileSync(file, replaceSection(doc, name, body));
}
