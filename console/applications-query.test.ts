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
});
