import { describe, expect, it } from 'vitest';
import { seriesStyle, seriesStyles, spreadLabels } from './chart-style.ts';

describe('seriesStyle', () => {
  it('gives every series its own colour and dash pattern', () => {
    expect(new Set(seriesStyles.map((style) => style.colour)).size).toBe(seriesStyles.length);
    expect(new Set(seriesStyles.map((style) => style.dash)).size).toBe(seriesStyles.length);
    expect(seriesStyle(seriesStyles.length)).toEqual(seriesStyles[0]);
  });
});

describe('spreadLabels', () => {
  it('leaves labels that are far enough apart alone', () => {
    expect(spreadLabels([11.2, 5, 20], 1)).toEqual([11.2, 5, 20]);
  });

  it('pushes close labels apart, keeping their order', () => {
    const placed = spreadLabels([11.2, 11.1, 12.8], 1);
    const [be2, be, eu] = placed as [number, number, number];
    expect(be2 - be).toBeCloseTo(1, 6);
    expect(eu - be2).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(be).toBeLessThan(11.1);
  });
});
