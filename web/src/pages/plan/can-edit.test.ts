import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/types.ts';
import { canEditReports } from './can-edit.ts';

const user = (role: SessionUser['role'], organisationId: string | null = null): SessionUser => ({
  id: 'u1',
  email: 'x@koers.test',
  role,
  organisationId,
  providerId: null,
});

const action = {
  stakeholders: [
    { id: 'vdab', role: 'lead' as const },
    { id: 'serv', role: 'partner' as const },
    { id: 'voka', role: 'funder' as const },
  ],
};

describe('canEditReports', () => {
  it('lets admins edit any action', () => {
    expect(canEditReports(user('admin'), { stakeholders: [] })).toBe(true);
  });

  it('lets an editor edit when their organisation leads or partners the action', () => {
    expect(canEditReports(user('editor', 'vdab'), action)).toBe(true);
    expect(canEditReports(user('editor', 'serv'), action)).toBe(true);
  });

  it('refuses funders, other organisations, unbound editors, other roles and visitors', () => {
    expect(canEditReports(user('editor', 'voka'), action)).toBe(false);
    expect(canEditReports(user('editor', 'departement-wse'), action)).toBe(false);
    expect(canEditReports(user('editor'), action)).toBe(false);
    expect(canEditReports(user('analyst', 'vdab'), action)).toBe(false);
    expect(canEditReports(user('provider', 'vdab'), action)).toBe(false);
    expect(canEditReports(null, action)).toBe(false);
  });
});
