import { describe, expect, it } from 'vitest';
import { enterpriseCheckDigits, enterpriseNumberFrom, formatEnterpriseNumber, isValidEnterpriseNumber, normaliseEnterpriseNumber } from './enterprise-number.ts';
import { enterpriseNumberSchema } from './catalog.schema.ts';

describe('Belgian enterprise number', () => {
  it('checks the mod-97 digits: 97 − (first eight mod 97)', () => {
    expect(enterpriseCheckDigits(1234567)).toBe(49); // 1234567 mod 97 = 48
    expect(isValidEnterpriseNumber('0123456749')).toBe(true);
    expect(isValidEnterpriseNumber('0123456748')).toBe(false);
    expect(isValidEnterpriseNumber('0123456750')).toBe(false);
  });

  it('accepts the usual ways of writing one and normalises them to 10 digits', () => {
    for (const s of ['0123.456.749', '0123 456 749', 'BE0123456749', 'be 0123.456.749', ' 0123456749 ']) {
      expect(normaliseEnterpriseNumber(s), s).toBe('0123456749');
      expect(enterpriseNumberSchema.parse(s)).toBe('0123456749');
    }
    expect(formatEnterpriseNumber('0123456749')).toBe('0123.456.749');
  });

  it('refuses wrong lengths, a first digit other than 0 or 1, letters and bad checks, saying why', () => {
    for (const s of ['123456749', '01234567490', '2123456749', '0123-456-749', 'abc', '']) expect(isValidEnterpriseNumber(s), s).toBe(false);
    const bad = enterpriseNumberSchema.safeParse('0123.456.748');
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/mod-97/);
    expect(enterpriseNumberSchema.safeParse('2123456749').error!.issues[0]!.message).toMatch(/starting with 0 or 1/);
  });

  it('builds valid numbers from eight digits (the generator\'s synthetic range starts with 1999)', () => {
    for (const head of [0, 1, 96, 97, 19_990_000, 19_990_999, 19_999_999]) {
      const n = enterpriseNumberFrom(head);
      expect(n).toHaveLength(10);
      expect(isValidEnterpriseNumber(n), n).toBe(true);
    }
    expect(enterpriseNumberFrom(19_990_000).startsWith('1999')).toBe(true);
  });
});
