// How the charts tell series apart: a colour (each ≥ 4.5:1 on white) AND a dash pattern, and a
// direct label at the end of each line, so no series depends on colour alone.

export type SeriesStyle = { colour: string; dash: string; /** the pattern in words, for the legend */ pattern: 'solid' | 'dashed' | 'dotted' | 'dashDot' | 'longDash' | 'dense' | 'longDashDot' | 'shortDash' };

export const seriesStyles: readonly SeriesStyle[] = [
  { colour: '#0b4f9c', dash: 'none', pattern: 'solid' },
  { colour: '#b3400a', dash: '9 4', pattern: 'dashed' },
  { colour: '#1e7a3c', dash: '2 3', pattern: 'dotted' },
  { colour: '#6a3d9a', dash: '10 3 2 3', pattern: 'dashDot' },
  { colour: '#1a1a1a', dash: '16 5', pattern: 'longDash' },
  { colour: '#9c2a6b', dash: '1 1.5', pattern: 'dense' },
  { colour: '#00697a', dash: '16 4 3 4', pattern: 'longDashDot' },
  { colour: '#8a6d00', dash: '5 5', pattern: 'shortDash' },
];

export function seriesStyle(index: number): SeriesStyle {
  return seriesStyles[index % seriesStyles.length] ?? seriesStyles[0]!;
}

/** Colours of the ranking bars: regions (grey), the home region's areas (blue); references are outlined. */
export const barColours = { region: '#767676', home: '#0b4f9c', reference: '#1a1a1a', referenceFill: '#ffffff' } as const;

/**
 * Moves label positions apart so that no two are closer than `gap` (in the same units), keeping
 * their order and staying as near to the wanted positions as a simple two-pass sweep allows.
 * Returns positions in the input order.
 */
export function spreadLabels(wanted: readonly number[], gap: number): number[] {
  const order = wanted.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value || a.index - b.index);
  const placed = order.map((item) => item.value);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  // Shift the whole group back down by half its overshoot, so labels straddle their lines.
  const overshoot = placed.reduce((sum, value, i) => sum + (value - order[i]!.value), 0) / Math.max(1, placed.length);
  for (let i = 0; i < placed.length; i++) placed[i] = placed[i]! - overshoot / 2;
  for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  const out = new Array<number>(wanted.length);
  order.forEach((item, i) => (out[item.index] = placed[i]!));
  return out;
}
