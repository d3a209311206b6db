import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine must run in the browser: its source files (not its tests) import only each other,
// zod and yaml, and use no Node globals.
describe('engine purity', () => {
  const dir = import.meta.dirname;
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it.each(sources)('%s uses no Node APIs', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !i.startsWith('./') && i !== 'zod' && i !== 'yaml'), file).toEqual([]);
    expect(text, file).not.toMatch(/\b(process|Buffer|require|__dirname)\b/);
  });
});
