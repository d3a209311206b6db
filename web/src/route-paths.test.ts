import { describe, expect, it } from 'vitest';
import { isKnownWebPath, webRoutePaths } from './route-paths.ts';

describe('isKnownWebPath', () => {
  it('knows every listed route', () => {
    for (const path of webRoutePaths) expect(isKnownWebPath(path)).toBe(true);
  });

  it('accepts one trailing slash and ignores query and hash', () => {
    expect(isKnownWebPath('/sources/')).toBe(true);
    expect(isKnownWebPath('/login?next=/admin/audit')).toBe(true);
    expect(isKnownWebPath('/accessibility#contact')).toBe(true);
  });

  it('rejects unknown, nested and differently cased paths', () => {
    for (const path of ['/nope', '/sources/x', '/Sources', '/admin', '//', '', '/index.html']) {
      expect(isKnownWebPath(path)).toBe(false);
    }
  });
});
