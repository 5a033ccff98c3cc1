import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { EnrolmentCode } from '../../src/protocol/packets';
import { CODE_ALPHABET, enrolmentCodeHash, newEnrolmentCode } from './enrolment-code';

describe('enrolment codes', () => {
  it('are XXXX-XXXX of A–Z and 2–9 without I, L or O, as the wire schema wants', () => {
    const codes = Array.from({ length: 200 }, newEnrolmentCode);
    for (const code of codes) {
      expect(Value.Check(EnrolmentCode, code), code).toBe(true);
      expect(code).not.toMatch(/[ILO]/);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(CODE_ALPHABET).toHaveLength(31);
  });

  it('are kept as SHA-256', () => {
    expect(enrolmentCodeHash('ABCD-EFGH')).toBe('fc83f19a14cf51776f2520dfa572b08b093af1e22b3f28d2fe1edf8097198c65');
  });
});
