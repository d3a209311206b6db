import { describe, expect, it } from 'vitest';
import { isKnownWebPath, webRoutePaths } from './route-paths.ts';

describe('isKnownWebPath', () => {
  it('knows every listed route without parameters', () => {
    for (const path of webRoutePaths.filter((p) => !p.includes(':'))) expect(isKnownWebPath(path)).toBe(true);
  });

  it('accepts one trailing slash and ignores query and hash', () => {
    expect(isKnownWebPath('/sources/')).toBe(true);
    expect(isKnownWebPath('/login?next=/admin/audit')).toBe(true);
    expect(isKnownWebPath('/accessibility#contact')).toBe(true);
    expect(isKnownWebPath('/plan/actions?q=dashboard&page=2')).toBe(true);
    expect(isKnownWebPath('/plan/import/')).toBe(true);
  });

  it('fills a :parameter with any one non-empty segment', () => {
    for (const path of [
      '/plan/actions/K-01',
      '/plan/actions/K-16/',
      '/plan/actions/K%2001',
      '/plan/actions/K-16/reports/2024',
      '/plan/actions/K-16/reports/2024?from=action',
      '/plan/goals/a',
    ]) {
      expect(isKnownWebPath(path), path).toBe(true);
    }
  });

  it('rejects unknown, nested and differently cased paths', () => {
    for (const path of ['/nope', '/sources/x', '/Sources', '/admin', '//', '', '/index.html', 'plan', '/Plan', '/plan/Import', '/plan/import/x']) {
      expect(isKnownWebPath(path), path).toBe(false);
    }
  });

  it('rejects parameters that are empty, missing or followed by more segments', () => {
    for (const path of [
      '/plan/goals',
      '/plan/goals/',
      '/plan/goals//',
      '/plan/goals/a/b',
      '/plan/actions//',
      '/plan/actions/K-01/reports',
      '/plan/actions/K-01/reports/',
      '/plan/actions//reports/2024',
      '/plan/actions/K-01/Reports/2024',
      '/plan/actions/K-01/reports/2024/x',
    ]) {
      expect(isKnownWebPath(path), path).toBe(false);
    }
  });
});
