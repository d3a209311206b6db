import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client.ts';
import i18n from '../../i18n/index.ts';
import { loginFailure, validateLogin } from './login-errors.ts';

const t = i18n.t;

// Messages and number formats both follow the current language.
beforeAll(() => i18n.changeLanguage('en'));

describe('validateLogin', () => {
  it('asks for both fields, linked to them', () => {
    const { fields, summary } = validateLogin('  ', '', t);
    expect(fields).toEqual({ email: 'Enter your email address.', password: 'Enter your password.' });
    expect(summary.map((error) => error.fieldId)).toEqual(['login-email', 'login-password']);
  });

  it('rejects a malformed email and accepts a good pair', () => {
    expect(validateLogin('no-at-sign', 'x', t).fields.email).toMatch(/valid email/);
    expect(validateLogin(' a@b.be ', 'secret', t).summary).toEqual([]);
  });
});

describe('loginFailure', () => {
  it('maps problem field errors onto the form fields, whatever the field path', () => {
    const error = new ApiError(400, { errors: [{ field: 'body.email', reason: 'Invalid email' }, { field: '/password', reason: 'Too long' }] }, null);
    expect(loginFailure(error, t).fields).toEqual({ email: 'Enter a valid email address, like name@example.be.', password: 'This password is not valid.' });
  });

  it('keeps field errors it has no field for in the summary', () => {
    const error = new ApiError(400, { errors: [{ field: 'remember', reason: 'must be boolean' }] }, null);
    expect(loginFailure(error, t).summary).toEqual([{ message: 'must be boolean' }]);
  });

  it('says the credentials are wrong on 401', () => {
    expect(loginFailure(new ApiError(401, {}, null), t).summary[0]?.message).toBe('The email address or password is wrong.');
  });

  it('shows the Retry-After wait on 429', () => {
    expect(loginFailure(new ApiError(429, {}, 42), t).summary[0]?.message).toBe('Too many sign-in attempts. Try again in 42 seconds.');
    expect(loginFailure(new ApiError(429, {}, null), t).summary[0]?.message).toBe('Too many sign-in attempts. Try again later.');
  });

  it('reports network failures and other statuses generically', () => {
    expect(loginFailure(new NetworkError('offline'), t).summary[0]?.message).toMatch(/cannot be reached/);
    expect(loginFailure(new ApiError(500, {}, null), t).summary[0]?.message).toMatch(/not possible right now/);
  });
});
