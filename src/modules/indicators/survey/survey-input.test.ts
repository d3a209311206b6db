import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../../platform/errors/problem.ts';
import { estimate } from './survey.service.ts';
import { SurveyDataError, type SurveyErrorKind } from './survey-errors.ts';
import type { EstimateOptions } from './survey.schema.ts';
import { readSurveyFile } from './survey-test-support.ts';

const good = `h,c,w,y,sex
a,1,10,1.5,f
a,1,10,2.5,m
a,2,12,NA,f
a,2,12,4,
b,3,8,5,m
b,4,9,,f
b,4,9,7,m
`;
const base: EstimateOptions = { weight: 'w', strata: 'h', cluster: 'c', variable: 'y' };

async function refusal(csv: string | Buffer, options: Partial<EstimateOptions> = {}) {
  const err = await estimate(csv, { ...base, ...options }).catch((e: unknown) => e);
  if (!(err instanceof SurveyDataError)) throw new Error(`expected a SurveyDataError, got ${String(err)}`);
  return err;
}
const expectRefusal = async (csv: string | Buffer, kind: SurveyErrorKind, message: RegExp, column?: string, options: Partial<EstimateOptions> = {}) => {
  const err = await refusal(csv, options);
  expect(err.kind).toBe(kind);
  expect(err.message).toMatch(message);
  expect(err.column).toBe(column);
  expect(err.status).toBe(400);
  if (column) expect(err.toProblem().errors).toEqual([{ field: column, reason: err.message }]);
  return err;
};

describe('microdata that cannot be estimated gets a clear, typed error', () => {
  it('accepts the good file (NA and empty are missing), as text, Buffer or stream, comma or semicolon', async () => {
    const [r] = await estimate(good, base);
    expect(r!.n).toBe(5);
    expect((await estimate(Buffer.from(good), base))[0]).toEqual(r);
    expect((await estimate(Readable.from(['', good.slice(0, 5), good.slice(5, 40), good.slice(40)]), base))[0]).toEqual(r); // header split across chunks
    expect((await estimate(good.replaceAll(',', ';'), base))[0]).toEqual(r);
    const bySex = await estimate(good, { ...base, by: ['sex'] });
    expect(bySex.map((x) => [x.by.sex, x.n])).toEqual([['f', 1], ['m', 3]]); // a missing sex or y is in no domain
  });

  it('an empty file, or a header without rows', async () => {
    await expectRefusal('', 'empty-file', /the file is empty/);
    await expectRefusal('\n  \n', 'empty-file', /the file is empty/);
    await expectRefusal('h,c,w,y\n', 'empty-file', /header but no data rows/);
  });

  it('unknown column names', async () => {
    const err = await expectRefusal(good, 'unknown-column', /column "weight" is not in the file \(its columns: "h", "c", "w", "y", "sex"\)/, 'weight', { weight: 'weight' });
    expect(err.line).toBeUndefined();
    await expectRefusal(good, 'unknown-column', /column "region"/, 'region', { by: ['sex', 'region'] });
    await expectRefusal(good, 'unknown-column', /column "z"/, 'z', { stat: 'ratio', denominator: 'z' });
  });

  it('non-numeric values in a numeric column, with the line', async () => {
    const err = await expectRefusal(good.replace('b,3,8,5,m', 'b,3,8,five,m'), 'not-numeric', /column "y", line 6: "five" is not a number/, 'y');
    expect(err.line).toBe(6);
    await expectRefusal(good.replace('a,2,12,4,', 'a,2,0x10,4,'), 'not-numeric', /column "w", line 5/, 'w');
  });

  it('negative, zero or missing weights', async () => {
    await expectRefusal(good.replace('b,3,8,5', 'b,3,-8,5'), 'bad-weight', /weight column "w", line 6: the weight is -8; weights must be greater than 0/, 'w');
    await expectRefusal(good.replace('b,3,8,5', 'b,3,0,5'), 'bad-weight', /line 6: the weight is 0/, 'w');
    await expectRefusal(good.replace('b,3,8,5', 'b,3,NA,5'), 'bad-weight', /line 6: the weight is missing/, 'w');
  });

  it('missing strata or cluster values', async () => {
    await expectRefusal(good.replace('b,3,8,5', ',3,8,5'), 'missing-design-value', /strata column "h", line 6: the value is missing/, 'h');
    await expectRefusal(good.replace('b,3,8,5', 'b,NA,8,5'), 'missing-design-value', /cluster column "c", line 6: the value is missing/, 'c');
  });

  it('an fpc that is missing, mixed, varies within a stratum or is smaller than the sample', async () => {
    const withFpc = (a: string, b: string) => good.replace('h,c,w,y,sex', 'h,c,w,y,sex,N').replace(/\n(a,[^\n]*)/g, `\n$1,${a}`).replace(/\n(b,[^\n]*)/g, `\n$1,${b}`);
    expect((await estimate(withFpc('10', '20'), { ...base, fpc: 'N' }))[0]!.se).toBeGreaterThan(0);
    await expectRefusal(withFpc('10', '0.5'), 'bad-fpc', /population sizes .* or sampling fractions/, 'N', { fpc: 'N' });
    await expectRefusal(withFpc('10', '1').replace('b,4,9,7,m,1', 'b,4,9,7,m,2'), 'bad-fpc', /differs from 1 on line 6; the fpc must be constant within stratum "b"/, 'N', { fpc: 'N' });
    await expectRefusal(withFpc('1.5', '20'), 'bad-fpc', /stratum "a" has 2 sampled clusters but a population of 1.5/, 'N', { fpc: 'N' });
    await expectRefusal(withFpc('NA', '20'), 'bad-fpc', /line 2: the value is missing/, 'N', { fpc: 'N' });
  });

  it('a CSV whose rows disagree with the header', async () => {
    await expectRefusal(good.replace('b,3,8,5,m', 'b,3,8,5,m,extra'), 'bad-csv', /not valid CSV/);
  });

  it('a variable with no values at all', async () => {
    await expectRefusal('h,c,w,y\na,1,1,NA\na,2,1,NA\n', 'no-data', /no non-missing values/, 'y');
  });

  it('options that do not fit together are a 400 naming the field', async () => {
    const err = await estimate(good, { ...base, stat: 'ratio' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpProblem);
    expect((err as HttpProblem).errors).toEqual([{ field: 'denominator', reason: 'a ratio needs a denominator column' }]);
    const noWeight = await estimate(good, { strata: 'h', variable: 'y' }).catch((e: unknown) => e);
    expect((noWeight as HttpProblem).errors?.[0]?.field).toBe('weight');
  });

  it('reads a real file as a stream', async () => {
    const rows = await estimate(Readable.from(readSurveyFile('apistrat.csv')), { weight: 'pw', strata: 'stype', variable: 'api00' });
    expect(rows[0]!.estimate).toBeCloseTo(662.287363159321, 9);
  });
});

describe('a ratio whose denominator sums to 0 in a domain', () => {
  it('is refused, naming the domain', async () => {
    const csv = 'w,y,x,g\n1,2,0,a\n1,3,0,a\n1,4,1,b\n1,5,2,b\n';
    const err = await estimate(csv, { weight: 'w', variable: 'y', denominator: 'x', stat: 'ratio', by: ['g'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SurveyDataError);
    expect((err as SurveyDataError).message).toBe('the ratio of "y/x" is undefined for g=a: its denominator sums to 0');
  });
});
