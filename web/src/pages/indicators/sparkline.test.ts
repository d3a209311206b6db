import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline.tsx';

describe('sparklinePath', () => {
  it('spans the box: first point left, last right, the lowest value at the bottom', () => {
    const path = sparklinePath(
      [
        { period: 2000, value: 6.9 },
        { period: 2010, value: 5 },
        { period: 2020, value: 11.2 },
      ],
      { width: 100, height: 20, pad: 0 },
    );
    expect(path).toBe('0.0,13.9 50.0,20.0 100.0,0.0');
  });

  it('draws nothing for fewer than two points and a flat line for equal values', () => {
    expect(sparklinePath([{ period: 2020, value: 1 }])).toBe('');
    expect(sparklinePath([{ period: 2020, value: 1 }, { period: 2021, value: 1 }], { width: 10, height: 10, pad: 0 })).toBe('0.0,10.0 10.0,10.0');
  });
});
