import { describe, expect, it } from 'vitest';
import { en, fr, nl } from '../../i18n/locales/index.ts';
import { languages } from '../../i18n/index.ts';
import { stakeholderFieldIds, stakeholderKinds } from './stakeholder-form.tsx';
import { roles, userFieldIds } from './user-form.tsx';

// Keys the admin screens build at run time (t(`admin.kinds.${kind}`) ...), which the locale test
// cannot find in the code: every one must exist in every language.
const built = [
  ...stakeholderKinds.map((kind) => `admin.kinds.${kind}`),
  ...roles.map((role) => `admin.roles.${role}`),
  ...Object.keys(userFieldIds).map((field) => `admin.users.errors.${field}`),
  ...Object.keys(stakeholderFieldIds).map((field) => `admin.stakeholders.errors.${field}`),
  ...languages.map((language) => `admin.inLanguage.${language}`),
];

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('admin translation keys built at run time', () => {
  for (const [name, locale] of Object.entries({ nl, fr, en })) {
    it(`exist in ${name}`, () => {
      expect(built.filter((key) => typeof lookup(locale, key) !== 'string')).toEqual([]);
    });
  }
});
