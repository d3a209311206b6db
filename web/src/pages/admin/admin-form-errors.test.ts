import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { formFailure, mapFieldErrors, problemPath, type ErrorMapper } from './admin-form-errors.ts';

const t = ((key: string) => key) as unknown as TFunction;
const map: ErrorMapper = ([name, language]) =>
  name === 'name' ? { fieldId: `f-name-${language ?? 'nl'}`, message: `name ${language}` } : name === 'key' ? { fieldId: 'f-key', message: 'key' } : { message: `other ${name}` };
const order = ['f-key', 'f-name-nl', 'f-name-fr', 'f-name-en'];

describe('admin form errors', () => {
  it('reads body and params paths', () => {
    expect(problemPath('body.name.nl')).toEqual(['name', 'nl']);
    expect(problemPath('params.key')).toEqual(['key']);
    expect(problemPath('/link')).toEqual(['link']);
  });

  it('puts one message at each field and orders the summary like the form', () => {
    const errors = mapFieldErrors(
      [
        { field: 'body.name.en', reason: 'x' },
        { field: 'body.other', reason: 'y' },
        { field: 'params.key', reason: 'z' },
        { field: 'body.name.en', reason: 'again' },
      ],
      map,
      order,
    );
    expect(errors.fields).toEqual({ 'f-name-en': 'name en', 'f-key': 'key' });
    expect(errors.summary.map((s) => s.fieldId ?? s.message)).toEqual(['f-key', 'f-name-en', 'other other']);
  });

  it('tells field errors from a lost session, a refusal and a server failure', () => {
    const api = (status: number, errors?: Array<{ field: string; reason: string }>) => new ApiError(status, { status, errors }, null);
    expect(formFailure(api(400, [{ field: 'params.key', reason: 'bad' }]), map, order, t)).toEqual({ kind: 'fields', errors: { fields: { 'f-key': 'key' }, summary: [{ fieldId: 'f-key', message: 'key' }] } });
    expect(formFailure(api(400), map, order, t)).toEqual({ kind: 'fields', errors: { fields: {}, summary: [{ message: 'admin.errors.invalid' }] } });
    expect(formFailure(api(401), map, order, t).kind).toBe('signedOut');
    expect(formFailure(api(403), map, order, t).kind).toBe('forbidden');
    expect(formFailure(api(409), map, order, t)).toEqual({ kind: 'message', message: 'admin.errors.conflict' });
    const taken = { fieldId: 'f-key', message: 'taken' };
    expect(formFailure(api(409), map, order, t, taken)).toEqual({ kind: 'fields', errors: { fields: { 'f-key': 'taken' }, summary: [taken] } });
    expect(formFailure(new Error('offline'), map, order, t)).toEqual({ kind: 'message', message: 'common.networkError' });
  });
});
