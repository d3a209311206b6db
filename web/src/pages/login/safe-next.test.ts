import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

const origin = 'https://koers.example';

describe('safeNext', () => {
  it('keeps same-site relative paths', () => {
    expect(safeNext('/admin/audit', origin)).toBe('/admin/audit');
    expect(safeNext('/sources?x=1#y', origin)).toBe('/sources?x=1#y');
  });

  it('falls back to home for anything else', () => {
    for (const next of [null, '', 'admin', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/login?next=/x']) {
      expect(safeNext(next, origin)).toBe('/');
    }
  });
});
