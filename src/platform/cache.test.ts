import { describe, expect, it, vi } from 'vitest';
import { memo } from './cache.ts';

describe('memo', () => {
  it('loads once within the ttl, again after it or after clear, and never keeps a failure', async () => {
    vi.useFakeTimers();
    let n = 0;
    const m = memo(1000, async () => ++n);
    expect(await Promise.all([m.get(), m.get()])).toEqual([1, 1]);
    vi.advanceTimersByTime(500);
    expect(await m.get()).toBe(1);
    vi.advanceTimersByTime(600);
    expect(await m.get()).toBe(2);
    m.clear();
    expect(await m.get()).toBe(3);
    let fail = true;
    const f = memo(1000, async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(f.get()).rejects.toThrow('down');
    fail = false;
    expect(await f.get()).toBe('up');
    vi.useRealTimers();
  });
});
