import { describe, expect, it } from 'vitest';
import { lookupIin, lookupProblems } from './lookup-form';

describe('the lookup by IIN form', () => {
  const reason = 'the citizen is at the desk without the receipt';

  it('may be sent with a real IIN, typed with or without spaces, and a reason', () => {
    expect(lookupProblems('900101300017', reason)).toEqual({});
    expect(lookupProblems('900101 300017', reason)).toEqual({});
    expect(lookupIin(' 900101 300017 ')).toBe('900101300017');
  });

  it('names each field that is wrong', () => {
    expect(lookupProblems('90010130001', reason)).toEqual({ iin: 'iinDigits' });
    expect(lookupProblems('9001013000AB', reason)).toEqual({ iin: 'iinDigits' });
    expect(lookupProblems('900101300015', reason)).toEqual({ iin: 'iinInvalid' });
    expect(lookupProblems('900101300017', 'because')).toEqual({ reason: 'reasonShort' });
    expect(lookupProblems('', '   ')).toEqual({ iin: 'iinDigits', reason: 'reasonShort' });
  });
});
