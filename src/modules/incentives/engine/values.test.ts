import { describe, expect, it } from 'vitest';
import { and, compare, hull, not, num, or, other } from './values.ts';

describe('three-valued logic (Kleene)', () => {
  const U = undefined;
  it('all() is false as soon as one child is false, even when others are unknown', () => {
    expect(and([true, U, false])).toBe(false);
    expect(and([true, U])).toBe(U);
    expect(and([true, true])).toBe(true);
  });
  it('any() is true as soon as one child is true, even when others are unknown', () => {
    expect(or([false, U, true])).toBe(true);
    expect(or([false, U])).toBe(U);
    expect(or([false, false])).toBe(false);
  });
  it('not() keeps unknown unknown', () => {
    expect(not(U)).toBe(U);
    expect(not(true)).toBe(false);
  });
  it('compares intervals only when the answer is certain', () => {
    expect(compare('>=', num(0.5), num(0.5))).toBe(true);
    expect(compare('>=', num(0.49), num(0.5))).toBe(false);
    expect(compare('<', num(3, 5), num(6))).toBe(true);
    expect(compare('<', num(3, 5), num(4))).toBe(U);
    expect(compare('=', num(2), num(2))).toBe(true);
    expect(compare('!=', num(1, 3), num(2))).toBe(U);
    expect(compare('=', other('flanders'), other('brussels'))).toBe(false);
    expect(compare('<', other('2024-01-01'), other('2024-09-01'))).toBe(true);
    expect(compare('=', U, num(1))).toBe(U);
  });
  it('hull covers both values, and is unknown for different texts', () => {
    expect(hull(num(125), num(250))).toEqual(num(125, 250));
    expect(hull(other('a'), other('b'))).toBe(U);
    expect(hull(num(1), U)).toBe(U);
  });
});
