import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client.ts';
import i18n from '../../i18n/index.ts';
import { importFailure } from './import-report.ts';
import { reportYears } from './plan-downloads.tsx';

const t = i18n.t;
beforeAll(() => i18n.changeLanguage('en'));

describe('importFailure', () => {
  it('says what a refused upload means', () => {
    expect(importFailure(new NetworkError('offline'), t)).toEqual({ kind: 'message', message: t('common.networkError') });
    expect(importFailure(new ApiError(401, {}, null), t)).toEqual({ kind: 'signedOut' });
    expect(importFailure(new ApiError(403, {}, null), t)).toEqual({ kind: 'forbidden' });
    expect(importFailure(new ApiError(413, {}, null), t)).toEqual({ kind: 'message', message: 'The file is too large.' });
    expect(importFailure(new ApiError(415, {}, null), t)).toEqual({ kind: 'message', message: 'The file was not accepted as CSV.' });
    expect(importFailure(new ApiError(400, { detail: 'Not UTF-8.' }, null), t)).toEqual({ kind: 'message', message: 'Not UTF-8.' });
    expect(importFailure(new ApiError(500, {}, null), t).kind).toBe('message');
  });
});

describe('reportYears', () => {
  const period = { from: 2021, to: 2030 };
  it('offers the plan years up to this year, last year first chosen', () => {
    expect(reportYears(period, new Date(2026, 5, 1))).toEqual({ years: [2021, 2022, 2023, 2024, 2025, 2026], initial: 2025 });
  });
  it('stays within the plan period', () => {
    expect(reportYears(period, new Date(2021, 0, 1))).toEqual({ years: [2021], initial: 2021 });
    expect(reportYears(period, new Date(2040, 0, 1)).initial).toBe(2030);
    expect(reportYears(period, new Date(2040, 0, 1)).years.at(-1)).toBe(2030);
  });
});
