import { afterEach, describe, expect, it } from 'vitest';
import type { IndicatorHeadline, IndicatorTarget, Ranking, Trajectory } from '../../api/indicator-types.ts';
import i18n, { changeLanguage } from '../../i18n/index.ts';
import { breakText, changeText, gapText, lowReliabilityText, points, rankingSummary, seriesSummary, trajectoryText } from './indicator-text.ts';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);

afterEach(async () => {
  await changeLanguage('nl');
});

const target: IndicatorTarget = {
  value: 47,
  year: 2025,
  kind: 'target',
  label: { en: 'EU 2025 target' },
  appliesTo: 'EU27_2020',
  source: { name: 'Council resolution', url: 'https://example.org' },
};

describe('seriesSummary', () => {
  it('says where each series started and ended, in Dutch number format', () => {
    const text = seriesSummary(
      [
        { name: 'Vlaams Gewest', points: [{ period: 2000, value: 6.9 }, { period: 2023, value: 11.2 }] },
        { name: 'EU-27', points: [{ period: 2002, value: 5.3 }, { period: 2023, value: 12.8 }] },
      ],
      'percent',
      t,
    );
    expect(text).toBe('Vlaams Gewest steeg van 6,9% in 2000 naar 11,2% in 2023. EU-27 steeg van 5,3% in 2002 naar 12,8% in 2023.');
  });

  it('handles a fall, a single value and no values, in English', async () => {
    await changeLanguage('en');
    const text = seriesSummary(
      [
        { name: 'A', points: [{ period: 2010, value: 9 }, { period: 2020, value: 7.4 }] },
        { name: 'B', points: [{ period: 2022, value: 30 }] },
        { name: 'C', points: [] },
      ],
      'percent',
      t,
    );
    expect(text).toBe('A fell from 9.0% in 2010 to 7.4% in 2020. B: 30.0% in 2022. There are no values for C.');
  });
});

describe('points, changeText and gapText', () => {
  const headline: IndicatorHeadline = {
    geo: 'BE2',
    geoName: 'Vlaams Gewest',
    period: 2023,
    value: 11.2,
    flags: [],
    previous: { period: 2022, value: 10.7 },
    change: 0.5,
    target: null,
    gap: null,
    sparkline: [],
  };

  it('writes a change with its sign in percentage points', async () => {
    expect(changeText(headline, 'percent', t)).toBe('+0,5 procentpunt ten opzichte van 2022 (10,7%).');
    expect(points(-1.25, 'percent', t)).toBe('-1,3 procentpunt');
    await changeLanguage('en');
    expect(changeText(headline, 'percent', t)).toBe('+0.5 percentage points compared with 2022 (10.7%).');
    await changeLanguage('fr');
    expect(points(0.5, 'percent', t)).toBe('+0,5 point de pourcentage');
    expect(points(2.5, 'percent', t)).toBe('+2,5 points de pourcentage');
  });

  it('says so when there is no previous value', () => {
    expect(changeText({ ...headline, previous: null, change: null }, 'percent', t)).toBe('Er is geen eerdere waarde om mee te vergelijken.');
  });

  it('gives the distance to a target ahead, or nothing without one', () => {
    expect(gapText(headline, 'percent', 'higher-is-better', t)).toBeNull();
    expect(gapText({ ...headline, target, gap: 35.8 }, 'percent', 'higher-is-better', t)).toBe('Nog 35,8 procentpunt tot het doel van 47% in 2025.');
    expect(gapText({ ...headline, target, gap: -2 }, 'percent', 'higher-is-better', t)).toBe('Het doel van 47% in 2025 is bereikt (2,0 procentpunt erboven).');
  });
});

describe('trajectoryText', () => {
  const trajectory: Trajectory = {
    geo: 'BE2',
    target,
    from: { period: 2022, value: 25.5 },
    requiredYearlyGain: 7.17,
    historicalYearlyGain: 0.5,
    historicalFrom: 2010,
  };

  it('puts the yearly gain needed beside the historical average', async () => {
    expect(trajectoryText(trajectory, 'percent', 'higher-is-better', 'Vlaams Gewest', t)).toBe(
      'Om 47% te halen in 2025, moet Vlaams Gewest vanaf 25,5% in 2022 elk jaar +7,2 procentpunt groeien. ' +
        'Van 2010 tot 2022 was dat gemiddeld +0,5 procentpunt per jaar. Dat is 14,3 keer zo snel als in het verleden.',
    );
    await changeLanguage('en');
    expect(trajectoryText({ ...trajectory, historicalYearlyGain: 8 }, 'percent', 'higher-is-better', 'Flanders', t)).toBe(
      'To reach 47% in 2025, Flanders has to gain +7.2 percentage points every year from 25.5% in 2022. ' +
        'From 2010 to 2022 it changed on average by +8.0 percentage points a year. At that pace the target will be reached.',
    );
  });

  it('handles a past going the other way, no history, and a target already reached', async () => {
    await changeLanguage('en');
    expect(trajectoryText({ ...trajectory, historicalYearlyGain: -0.2 }, 'percent', 'higher-is-better', 'X', t)).toMatch(/moved the other way\.$/);
    expect(trajectoryText({ ...trajectory, historicalYearlyGain: null }, 'percent', 'higher-is-better', 'X', t)).toMatch(/too short/);
    expect(trajectoryText({ ...trajectory, requiredYearlyGain: -1 }, 'percent', 'higher-is-better', 'X', t)).toBe(
      'X has already reached the target of 47% in 2025: 25.5% in 2022.',
    );
  });
});

describe('flag texts', () => {
  it('explains breaks in series in words', async () => {
    expect(breakText([2021], t)).toBe('Breuk in de reeks in 2021: de waarden voor en na 2021 zijn niet volledig vergelijkbaar.');
    expect(breakText([], t)).toBeNull();
    await changeLanguage('en');
    expect(breakText([2004, 2006, 2021], t)).toBe('Breaks in series in 2004, 2006, and 2021: values before and after each break are not fully comparable.');
    expect(lowReliabilityText([2022], t)).toBe('Low reliability in 2022: the value rests on a small sample. Read it with care.');
  });
});

describe('rankingSummary', () => {
  const ranking: Ranking = {
    indicator: 'lfs-4w',
    year: 2023,
    level: 2,
    years: [2022, 2023],
    homeGeo: 'BE2',
    rows: [
      { rank: 1, geo: 'SE11', name: 'Stockholm', country: 'SE', value: 40.1, flags: [], highlighted: false },
      { rank: 2, geo: 'BE24', name: 'Prov. Vlaams-Brabant', country: 'BE', value: 13.4, flags: [], highlighted: true },
      { rank: 3, geo: 'RO11', name: null, country: 'RO', value: 1.2, flags: ['u'], highlighted: false },
    ],
    references: [{ geo: 'EU27_2020', name: 'EU-27', value: 12.8, flags: [] }],
    withoutValue: 0,
  };

  it('names the count, the top and bottom (code when nameless), the home areas and the references', () => {
    expect(rankingSummary(ranking, 'percent', t)).toBe(
      "In 2023 hebben 3 regio's een waarde. Het hoogst scoort Stockholm (40,1%), het laagst RO11 (1,2%). " +
        'Eigen regio: Prov. Vlaams-Brabant op plaats 2 (13,4%), van 3. Ter vergelijking: EU-27 12,8%.',
    );
  });
});
