import { describe, expect, it } from 'vitest';
import { milestoneInput } from '../plan/milestone-form.tsx';
import { idFromName } from './stakeholder-form.tsx';
import { numberOrNull } from './status-form.tsx';
import { userInput } from './user-form.tsx';

describe('admin form bodies', () => {
  it('sends a default progress as a number, empty as null, anything else as typed for the API to name', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull(' 40 ')).toBe(40);
    expect(numberOrNull('abc')).toBe('abc');
  });

  it('proposes a kebab-case id from an organisation name', () => {
    expect(idFromName('Syntra Vlaanderen')).toBe('syntra-vlaanderen');
    expect(idFromName('  Départment Économie & Werk ')).toBe('department-economie-werk');
    expect(idFromName('<b>')).toBe('b');
  });

  it('sends only the binding that belongs to the role', () => {
    const draft = { email: 'a@b.be', password: 'x'.repeat(12), organisationId: 'vdab', providerId: 'p1' };
    expect(userInput({ ...draft, role: 'editor' })).toEqual({ email: 'a@b.be', password: draft.password, role: 'editor', organisationId: 'vdab' });
    expect(userInput({ ...draft, role: 'provider' })).toEqual({ email: 'a@b.be', password: draft.password, role: 'provider', providerId: 'p1' });
    expect(userInput({ ...draft, role: 'analyst' })).toEqual({ email: 'a@b.be', password: draft.password, role: 'analyst' });
  });

  it('sends a milestone with only the languages that have text, and no link as null', () => {
    const none = { nl: '', fr: '', en: '' };
    expect(milestoneInput({ date: '2024-06-01', title: { ...none, nl: 'Online' }, description: none, link: ' ' })).toEqual({
      date: '2024-06-01',
      title: { nl: 'Online' },
      description: {},
      link: null,
    });
  });
});
