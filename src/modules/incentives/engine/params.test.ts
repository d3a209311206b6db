import { describe, expect, it } from 'vitest';
import { selectParameterValue } from './params.ts';
import { periodOf, wholeYears } from './periods.ts';
import type { Parameter } from './rule.schema.ts';

const src = 'https://example.org/law';
const p: Parameter = {
  description: 'test', unit: '1',
  values: [
    { value: 0.5, validFrom: '2019-09-01', validUntil: '2025-08-31', source: src, confidence: 'high', toVerify: false },
    { value: 0.8, validFrom: '2025-09-01', source: src, confidence: 'low', toVerify: true, note: 'to verify' },
  ],
};

describe('dated parameters', () => {
  it('selects the value valid on the reference date (31 August vs 1 September)', () => {
    expect(selectParameterValue(p, '2025-08-31')?.value).toBe(0.5);
    expect(selectParameterValue(p, '2025-09-01')?.value).toBe(0.8);
    expect(selectParameterValue(p, '2030-01-01')?.value).toBe(0.8);
  });
  it('gives no value before the first date or in a gap', () => {
    expect(selectParameterValue(p, '2019-08-31')).toBeUndefined();
    const gap: Parameter = { ...p, values: [{ ...p.values[0]!, validUntil: '2020-12-31' }, p.values[1]!] };
    expect(selectParameterValue(gap, '2021-06-01')).toBeUndefined();
  });
  it('a value without validUntil runs until the next one starts', () => {
    const open: Parameter = { ...p, values: [{ ...p.values[0]!, validUntil: undefined }, p.values[1]!] };
    expect(selectParameterValue(open, '2025-08-31')?.value).toBe(0.5);
    expect(selectParameterValue(open, '2025-09-01')?.value).toBe(0.8);
  });
});

describe('periods', () => {
  it('school year runs 1 September – 31 August', () => {
    expect(periodOf({ kind: 'school-year' }, '2025-08-31')).toMatchObject({ start: '2024-09-01', end: '2025-08-31', label: '2024-2025' });
    expect(periodOf({ kind: 'school-year' }, '2025-09-01')).toMatchObject({ start: '2025-09-01', end: '2026-08-31' });
  });
  it('calendar year, month and rolling window', () => {
    expect(periodOf({ kind: 'calendar-year' }, '2024-05-01')).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodOf({ kind: 'month' }, '2024-02-10')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf({ kind: 'rolling-window', years: 6 }, '2024-05-01')).toMatchObject({ start: '2018-05-02', end: '2024-05-01' });
  });
  it('whole years count birthdays exactly', () => {
    expect(wholeYears('2018-10-01', '2024-10-01')).toBe(6);
    expect(wholeYears('2018-10-02', '2024-10-01')).toBe(5);
    expect(wholeYears('2000-02-29', '2024-02-28')).toBe(23);
  });
});
