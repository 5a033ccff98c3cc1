import { describe, expect, it } from 'vitest';
import { applicationsQuery } from './applications-query';

describe("the applications page's query", () => {
  const none = { status: '', from: '', to: '', includeTest: false } as const;

  it('asks for nothing the form leaves empty', () => {
    expect(applicationsQuery(none, null)).toBe('');
  });

  it('sends each filter set, the test switch and the cursor as the back office reads them', () => {
    expect(applicationsQuery({ status: 'in_review', from: '2026-06-01', to: '2026-06-15', includeTest: true }, 'abc_-1')).toBe(
      '?status=in_review&from=2026-06-01&to=2026-06-15&test=include&cursor=abc_-1',
    );
  });

  it('narrows by centre, terminal (as terminal ids are written), reason, document, channel and what is still checked', () => {
    expect(
      applicationsQuery({ ...none, centre: 'AST-ESIL', terminal: ' ast-esil-01 ', service: '09', document: 'passport', channel: 'offline', pendingOnly: true }, null),
    ).toBe('?centre=AST-ESIL&terminal=AST-ESIL-01&service=09&document=passport&channel=offline&pending=true');
    expect(applicationsQuery({ ...none, terminal: '   ', service: '', document: '', channel: '', pendingOnly: false }, null)).toBe('');
  });
});
