import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client.ts';
import i18n from '../../i18n/index.ts';
import { reportFieldErrors, reportSaveFailure } from './report-errors.ts';

const t = i18n.t;
beforeAll(() => i18n.changeLanguage('en'));

const rows = { linkRows: [1], obstacleRows: [0, 2] };

describe('reportFieldErrors', () => {
  it('puts each server error at its field, in the order of the form', () => {
    const { fields, summary } = reportFieldErrors(
      [
        { field: 'body.obstacles.1.severity', reason: 'Invalid option' },
        { field: 'body.narrative.en', reason: 'must be plain text, without HTML tags' },
        { field: 'body.progress', reason: 'Too big: expected number to be <=100' },
        { field: 'body.evidenceLinks.0.url', reason: 'Invalid URL' },
        { field: 'body.status', reason: 'Too small' },
      ],
      rows,
      t,
    );
    expect(summary.map((error) => error.fieldId)).toEqual([
      'report-status',
      'report-progress',
      'report-narrative-en',
      'report-link-1-url',
      'report-obstacle-2-severity',
    ]);
    expect(fields['report-progress']).toBe('Give the progress as a whole number from 0 to 100, or leave the field empty.');
    expect(fields['report-narrative-en']).toMatch(/narrative in English must be plain text, without HTML tags/);
    expect(fields['report-link-1-url']).toMatch(/^Link 2: /);
    expect(fields['report-obstacle-2-severity']).toBe('Obstacle 3: choose how serious it is.');
  });

  it('keeps errors without a field of their own in the summary, once each', () => {
    const { fields, summary } = reportFieldErrors(
      [
        { field: 'params.year', reason: 'Too big' },
        { field: 'body.extra', reason: 'Unrecognized key' },
        { field: 'body.progress', reason: 'Expected integer' },
        { field: 'body.progress', reason: 'Too big' },
      ],
      rows,
      t,
    );
    expect(Object.keys(fields)).toEqual(['report-progress']);
    expect(summary.map((error) => error.message)).toEqual([
      'Give the progress as a whole number from 0 to 100, or leave the field empty.',
      'This report year is not possible.',
      'body.extra: Unrecognized key',
    ]);
  });

  it('points list-wide errors at the list', () => {
    const { summary } = reportFieldErrors([{ field: 'body.obstacles', reason: 'Too big' }], rows, t);
    expect(summary).toEqual([{ fieldId: 'report-obstacles-add', message: 'Give at most 50 obstacles.' }]);
  });
});

describe('reportSaveFailure', () => {
  it('tells field errors, sign-in, refusal, absence and other failures apart', () => {
    expect(reportSaveFailure(new ApiError(400, { errors: [{ field: 'body.status', reason: 'x' }] }, null), rows, t).kind).toBe('fields');
    expect(reportSaveFailure(new ApiError(401, {}, null), rows, t)).toEqual({ kind: 'signedOut' });
    expect(reportSaveFailure(new ApiError(403, {}, null), rows, t)).toEqual({ kind: 'forbidden' });
    expect(reportSaveFailure(new ApiError(404, {}, null), rows, t)).toEqual({ kind: 'message', message: 'This action no longer exists.' });
    expect(reportSaveFailure(new ApiError(500, {}, null), rows, t)).toMatchObject({ kind: 'message' });
    expect(reportSaveFailure(new NetworkError('offline'), rows, t)).toMatchObject({ kind: 'message', message: expect.stringMatching(/cannot be reached/) });
  });

  it('still says something for a 400 without field errors', () => {
    const failure = reportSaveFailure(new ApiError(400, { detail: 'Bad body.' }, null), rows, t);
    expect(failure).toEqual({ kind: 'fields', errors: { fields: {}, summary: [{ message: 'Bad body.' }] } });
  });
});
