import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, fr, nl } from './locales/index.ts';

type Tree = { [key: string]: unknown };

/** "a.b.c" → value, for every leaf; non-string leaves are kept to be reported. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const entry of flatten(value as Tree, path)) out.set(...entry);
    else out.set(path, value);
  }
  return out;
}

const locales = { nl: flatten(nl), fr: flatten(fr), en: flatten(en) };
const placeholder = /^(todo|tbd|fixme|xxx|translate|translation|lorem ipsum.*|\.\.\.|…|-|\?+)$|\b(TODO|FIXME)\b/i;

describe('locale files', () => {
  for (const [lang, entries] of Object.entries(locales)) {
    it(`${lang} has exactly the keys of the other languages`, () => {
      for (const [other, otherEntries] of Object.entries(locales)) {
        const missing = [...otherEntries.keys()].filter((key) => !entries.has(key));
        expect(missing, `keys in ${other} missing from ${lang}`).toEqual([]);
      }
    });

    it(`${lang} has no empty, non-text or placeholder values`, () => {
      const bad = [...entries].filter(([, value]) => typeof value !== 'string' || !value.trim() || placeholder.test(value));
      expect(bad.map(([key, value]) => `${key}=${JSON.stringify(value)}`)).toEqual([]);
    });

    it(`${lang} uses the same {{variables}} as Dutch`, () => {
      const vars = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      const differing = [...locales.nl].filter(([key, value]) => vars(value).join() !== vars(entries.get(key)).join());
      expect(differing.map(([key]) => key)).toEqual([]);
    });
  }
});

describe('translation keys used in the code', () => {
  const srcDir = fileURLToPath(new URL('..', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
    });

  it('exist in the locale files', () => {
    const used = new Set<string>();
    for (const file of files(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    // a key used with {count} may exist only in its plural forms (key_one, key_other)
    const known = (key: string) => locales.nl.has(key) || locales.nl.has(`${key}_one`);
    expect([...used].filter((key) => !known(key))).toEqual([]);
  });
});
