import { factCatalogue, type FactInfo } from '../engine/facts.schema.ts';
import { dayOfIso, fixedDict, type Column, type ColumnStore } from './columns.ts';
import { mulberry32 } from '../../../platform/random.ts';

// The SYNTHETIC population for `koers incentives simulate`: adults aged 18–66, each with person
// facts, an employer (when they work) and one planned training, drawn from rough distributions
// described in docs/incentives-simulation.md. Not official statistics and not calibrated: it exists
// to exercise the rules at scale and to compare reforms. Deterministic: the same n, seed and
// reference date give the same rows, bit for bit (mulberry32, one stream, a fixed draw order).

export const SYNTHETIC_LABEL = 'SYNTHETIC population (generated, not official statistics)';

export { mulberry32 };

/** Cumulative shares, normalised to end at 1. */
function cum(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return Float64Array.from(weights, (w) => (acc += w) / total);
}

/** The index whose cumulative share first exceeds r. */
function pick(r: number, c: Float64Array): number {
  const last = c.length - 1;
  for (let i = 0; i < last; i++) if (r < c[i]!) return i;
  return last;
}

// Shares used below (see docs/incentives-simulation.md for what each is loosely based on).
const residence = { flanders: 0.58, wallonia: 0.31, brussels: 0.1, abroad: 0.01 };
const commute: Record<string, Record<string, number>> = {
  flanders: { flanders: 0.88, brussels: 0.09, wallonia: 0.02, abroad: 0.01 },
  brussels: { brussels: 0.72, flanders: 0.2, wallonia: 0.08, abroad: 0 },
  wallonia: { wallonia: 0.8, brussels: 0.11, flanders: 0.05, abroad: 0.04 },
  abroad: { flanders: 0.6, brussels: 0.25, wallonia: 0.15, abroad: 0 },
};
const status = { employee: 0.58, 'temp-agency-worker': 0.03, 'self-employed': 0.1, jobseeker: 0.05, student: 0.08, inactive: 0.1, retired: 0.06 };
const qualification = { low: 0.2, medium: 0.4, high: 0.4 };
const fractions = [[1, 0.7], [0.8, 0.12], [0.75, 0.04], [0.6, 0.03], [0.5, 0.09], [0.3, 0.02]] as const;
const headcounts = [[4, 0.08], [9, 0.04], [10, 0.03], [15, 0.05], [19, 0.02], [20, 0.03], [35, 0.08], [49, 0.02], [50, 0.03], [120, 0.12], [249, 0.02], [250, 0.03], [1200, 0.45]] as const;
const jointCommittees = [['200', 0.4], ['124', 0.06], ['111', 0.05], ['118', 0.05], ['302', 0.04], ['311', 0.04], ['330', 0.12], ['140', 0.05], ['209', 0.04], ['226', 0.05], ['319', 0.05], ['337', 0.05]] as const;
const naceCodes = [['01.11', 0.01], ['10.71', 0.04], ['25.62', 0.05], ['41.20', 0.07], ['43.22', 0.05], ['46.90', 0.08], ['47.11', 0.1], ['49.41', 0.05], ['56.10', 0.05], ['62.01', 0.08], ['69.20', 0.05], ['70.22', 0.06], ['78.20', 0.02], ['86.10', 0.12], ['88.10', 0.1], ['85.59', 0.07]] as const;
const degree = { none: 0.74, secondary: 0.05, graduaat: 0.05, bachelor: 0.07, master: 0.03, postgraduate: 0.03, other: 0.03 };
const contactHours = [[8, 0.15], [16, 0.15], [24, 0.1], [31, 0.04], [32, 0.08], [40, 0.15], [60, 0.13], [120, 0.12], [300, 0.08]] as const;
const themes = { cybersecurity: 0.05, 'sustainability-energy-efficiency': 0.05, sustainability: 0.05, 'business-strategy': 0.1, 'job-specific-competences': 0.3, digitalisation: 0.15, 'other-future-oriented': 0.05, other: 0.25 };

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
const vals = <T extends object>(o: T) => Object.values(o) as number[];

interface Builder {
  num(path: string, int?: boolean): { v: Float64Array | Int32Array; k: Uint8Array };
  code(path: string): { v: Uint8Array; k: Uint8Array; of: (value: string | boolean) => number };
  date(path: string): { v: Int32Array; k: Uint8Array };
}

export interface PopulationOptions { n: number; seed: number; referenceDate: string }

/** Generates the synthetic population as columns. Memory: about 160 bytes per adult. */
export function syntheticPopulation({ n, seed, referenceDate }: PopulationOptions): ColumnStore {
  const columns = new Map<string, Column>();
  const info = (path: string): FactInfo => {
    const f = factCatalogue.get(path);
    if (!f) throw new Error(`population: unknown fact ${path}`);
    return f;
  };
  const b: Builder = {
    num(path, int = false) {
      info(path);
      const c = { kind: 'num' as const, values: int ? new Int32Array(n) : new Float64Array(n), known: new Uint8Array(n) };
      columns.set(path, c);
      return { v: c.values, k: c.known };
    },
    code(path) {
      const f = info(path);
      const dict = fixedDict(f) ?? (path.endsWith('jointCommittee') ? jointCommittees.map(([c]) => c) : naceCodes.map(([c]) => c));
      const c = { kind: 'code' as const, values: new Uint8Array(n), dict, known: new Uint8Array(n) };
      columns.set(path, c);
      // booleans are codes 0/1; strings go through a plain object (faster than a Map for constant keys)
      const index: Record<string, number> = Object.create(null) as Record<string, number>;
      dict.forEach((v, i) => { if (typeof v === 'string') index[v] = i; });
      return { v: c.values, k: c.known, of: (value) => (typeof value === 'boolean' ? Number(value) : index[value]!) };
    },
    date(path) {
      info(path);
      const c = { kind: 'date' as const, values: new Int32Array(n), known: new Uint8Array(n) };
      columns.set(path, c);
      return { v: c.values, k: c.known };
    },
  };

  const P = {
    birthDate: b.date('person.birthDate'), residenceRegion: b.code('person.residenceRegion'), residenceInEuEea: b.code('person.residenceInEuEea'),
    workplaceRegion: b.code('person.workplaceRegion'), employmentStatus: b.code('person.employmentStatus'), sector: b.code('person.sector'),
    employmentFraction: b.num('person.employmentFraction'), employmentFractionMarch: b.num('person.employmentFractionMarch'),
    weeklyHours: b.num('person.weeklyHours'), qualificationLevel: b.code('person.qualificationLevel'),
    careerGuidanceWithPop: b.code('person.careerGuidanceWithPop'), careerGuidanceDate: b.date('person.careerGuidanceDate'),
    workExperienceYears: b.num('person.workExperienceYears'), careerVouchersUsedLast6Years: b.num('person.careerVouchersUsedLast6Years', true),
    careerVouchersEverUsed: b.code('person.careerVouchersEverUsed'), employerHeadcount: b.num('person.employerHeadcount', true),
    jointCommittee: b.code('person.jointCommittee'), unemploymentBenefit: b.code('person.unemploymentBenefit'),
    timeCreditForTraining: b.code('person.timeCreditForTraining'), timeCreditReduction: b.code('person.timeCreditReduction'),
    employmentFractionBeforeTimeCredit: b.num('person.employmentFractionBeforeTimeCredit'), livesAlone: b.code('person.livesAlone'),
  };
  const E = {
    headcount: b.num('employer.headcount', true), turnoverEur: b.num('employer.turnoverEur'), balanceTotalEur: b.num('employer.balanceTotalEur'),
    region: b.code('employer.region'), naceCode: b.code('employer.naceCode'), legalForm: b.code('employer.legalForm'),
    publicParticipation: b.num('employer.publicParticipation'), jointCommittee: b.code('employer.jointCommittee'),
  };
  const T = {
    inIncentivesDatabase: b.code('training.inIncentivesDatabase'), inPersonalDevelopmentPlan: b.code('training.inPersonalDevelopmentPlan'),
    contactHours: b.num('training.contactHours'), studyCredits: b.num('training.studyCredits'), degreeKind: b.code('training.degreeKind'),
    vksLevel: b.num('training.vksLevel', true), category: b.code('training.category'), leadsToShortageOccupation: b.code('training.leadsToShortageOccupation'),
    leadsToQualification: b.code('training.leadsToQualification'), initiative: b.code('training.initiative'), paidByEmployer: b.code('training.paidByEmployer'),
    costEur: b.num('training.costEur'), providerRegisteredKmo: b.code('training.providerRegisteredKmo'), theme: b.code('training.theme'),
  };
  for (const f of factCatalogue.keys()) if (!columns.has(f)) throw new Error(`population: no column for ${f}`);

  const r = mulberry32(seed);
  const ref = dayOfIso(referenceDate);
  const setCode = (c: ReturnType<Builder['code']>, i: number, value: string | boolean) => { c.v[i] = c.of(value); c.k[i] = 1; };
  const setNum = (c: ReturnType<Builder['num']>, i: number, value: number) => { c.v[i] = value; c.k[i] = 1; };
  const resKeys = keys(residence), resW = cum(vals(residence)), stKeys = keys(status), stW = cum(vals(status));
  const qKeys = keys(qualification), qW = cum(vals(qualification)), dKeys = keys(degree), dW = cum(vals(degree));
  const thKeys = keys(themes), thW = cum(vals(themes));
  const fracW = cum(fractions.map(([, w]) => w)), headW = cum(headcounts.map(([, w]) => w)), pcW = cum(jointCommittees.map(([, w]) => w));
  const naceW = cum(naceCodes.map(([, w]) => w)), hoursW = cum(contactHours.map(([, w]) => w));
  const commuteKeys = Object.fromEntries(resKeys.map((k) => [k, keys(commute[k]!)]));
  const commuteW = Object.fromEntries(resKeys.map((k) => [k, cum(vals(commute[k]!))]));
  const usedW = cum([0.9, 0.07, 0.03]), tcW = cum([0.3, 0.3, 0.4]), beforeW = cum([0.7, 0.15, 0.05, 0.1]);
  const selfW = cum([0.6, 0.15, 0.1, 0.08, 0.05, 0.02]), formW = cum([0.62, 0.18, 0.03, 0.03, 0.12, 0.02]);
  const catW = cum([0.04, 0.05, 0.91]), initW = cum([0.5, 0.2, 0.3]);

  for (let i = 0; i < n; i++) {
    // person
    const age = 18 + Math.floor(r() * 49);
    P.birthDate.v[i] = ref - Math.floor((age + r()) * 365.25);
    P.birthDate.k[i] = 1;
    const res = resKeys[pick(r(), resW)]!;
    setCode(P.residenceRegion, i, res);
    if (res === 'abroad') setCode(P.residenceInEuEea, i, r() < 0.9);
    let st: string = stKeys[pick(r(), stW)]!;
    if (age >= 65 && r() < 0.8) st = 'retired';
    if (age < 23 && r() < 0.5) st = 'student';
    setCode(P.employmentStatus, i, st);
    const employee = st === 'employee' || st === 'temp-agency-worker';
    const working = employee || st === 'self-employed';
    const q = qKeys[pick(r(), qW)]!;
    setCode(P.qualificationLevel, i, q);
    const pop = r() < 0.04;
    setCode(P.careerGuidanceWithPop, i, pop);
    if (pop) { P.careerGuidanceDate.v[i] = ref - Math.floor(r() * 9 * 365.25); P.careerGuidanceDate.k[i] = 1; }
    setNum(P.workExperienceYears, i, Math.max(0, Math.round((age - 20 - r() * 6) * (working ? 1 : 0.6) * 2) / 2));
    const used = pick(r(), usedW);
    setNum(P.careerVouchersUsedLast6Years, i, used);
    setCode(P.careerVouchersEverUsed, i, used > 0 || r() < 0.05);
    setCode(P.unemploymentBenefit, i, st === 'jobseeker' ? r() < 0.85 : employee ? r() < 0.01 : false);
    setCode(P.livesAlone, i, r() < 0.17);

    let work: string | undefined;
    if (working) {
      work = commuteKeys[res]![pick(r(), commuteW[res]!)]!;
      setCode(P.workplaceRegion, i, work);
    }
    let headcount = 0;
    let pc: string | undefined;
    let publicSector = false;
    if (employee) {
      publicSector = st === 'employee' && r() < 0.22;
      setCode(P.sector, i, publicSector ? 'public' : 'private');
      const f = fractions[pick(r(), fracW)]![0];
      setNum(P.employmentFraction, i, f);
      setNum(P.employmentFractionMarch, i, r() < 0.9 ? f : fractions[pick(r(), fracW)]![0]);
      setNum(P.weeklyHours, i, Math.round(f * 38 * 2) / 2);
      headcount = st === 'temp-agency-worker' ? 1200 : headcounts[pick(r(), headW)]![0];
      setNum(P.employerHeadcount, i, headcount);
      // no joint committee in the public sector; temp agency workers fall under PC 322
      pc = publicSector ? undefined : st === 'temp-agency-worker' ? '322' : jointCommittees[pick(r(), pcW)]![0];
      if (pc) setCode(P.jointCommittee, i, pc);
      const tc = !publicSector && r() < 0.012;
      setCode(P.timeCreditForTraining, i, tc);
      if (tc) {
        setCode(P.timeCreditReduction, i, (['full', 'half', 'one-fifth'] as const)[pick(r(), tcW)]!);
        setNum(P.employmentFractionBeforeTimeCredit, i, [1, 0.8, 0.75, 0.5][pick(r(), beforeW)]!);
      }
    } else if (st === 'self-employed') {
      headcount = [0, 1, 2, 4, 9, 15][pick(r(), selfW)]!;
    }

    // employer: the employer of an employee, the agency of a temp worker, a self-employed person's own firm
    if (working) {
      setNum(E.headcount, i, headcount);
      const turnover = Math.round(Math.max(1, headcount) * 140_000 * Math.exp((r() - 0.5) * 1.6));
      setNum(E.turnoverEur, i, turnover);
      setNum(E.balanceTotalEur, i, Math.round(turnover * (0.5 + r())));
      setCode(E.region, i, work!);
      const nace = st === 'temp-agency-worker' ? '78.20' : naceCodes[pick(r(), naceW)]![0];
      setCode(E.naceCode, i, nace);
      const form = publicSector ? 'public-body' : st === 'self-employed' && headcount < 2 ? 'sole-proprietorship'
        : (['bv', 'nv', 'cv', 'vof', 'vzw', 'other'] as const)[pick(r(), formW)]!;
      setCode(E.legalForm, i, form);
      setNum(E.publicParticipation, i, publicSector ? 1 : r() < 0.97 ? 0 : 0.3);
      if (pc) setCode(E.jointCommittee, i, pc);
    }

    // the planned training
    const dk = dKeys[pick(r(), dW)]!;
    setCode(T.degreeKind, i, dk);
    const credits = dk === 'graduaat' || dk === 'bachelor' || dk === 'master' || dk === 'postgraduate';
    setNum(T.studyCredits, i, credits ? 3 * (1 + Math.floor(r() * 20)) : 0);
    setNum(T.contactHours, i, credits ? 60 + Math.floor(r() * 300) : contactHours[pick(r(), hoursW)]![0]);
    setCode(T.inIncentivesDatabase, i, r() < 0.55);
    setCode(T.inPersonalDevelopmentPlan, i, pop && r() < 0.7);
    if (r() < 0.8) setNum(T.vksLevel, i, dk === 'none' ? 2 + Math.floor(r() * 4) : dk === 'secondary' ? 3 + Math.floor(r() * 2) : 5 + Math.floor(r() * 3));
    const cat = dk === 'secondary' ? 'secondary-diploma' : (['basic-skills', 'dutch-second-language', 'other'] as const)[pick(r(), catW)]!;
    setCode(T.category, i, cat);
    setCode(T.leadsToShortageOccupation, i, r() < 0.25);
    setCode(T.leadsToQualification, i, credits || dk === 'secondary' || r() < 0.3);
    const init = working && st !== 'self-employed' ? (['own', 'joint', 'employer'] as const)[pick(r(), initW)]! : 'own';
    setCode(T.initiative, i, init);
    setCode(T.paidByEmployer, i, init === 'employer' ? r() < 0.9 : r() < 0.1);
    if (r() < 0.95) setNum(T.costEur, i, Math.round(600 * Math.exp((r() - 0.5) * 2.4)));
    setCode(T.providerRegisteredKmo, i, r() < 0.4);
    setCode(T.theme, i, thKeys[pick(r(), thW)]!);
  }
  // a fact every adult has needs no mask (less memory, and the evaluators skip the check)
  for (const c of columns.values()) if (c.known && c.known.every((k) => k === 1)) c.known = null;
  return { n, columns };
}

/** Rows that have an employer (employer facts present): the scope of employer-beneficiary incentives. */
export function employerRows(store: ColumnStore): Uint8Array | null {
  return store.columns.get('employer.region')?.known ?? null;
}
