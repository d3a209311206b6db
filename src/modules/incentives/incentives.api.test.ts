import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { lowQualified } from './flemish-rules.test-support.ts';

// The Signpost API over the seeded platform (with the synthetic catalogue for the offer route).

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url });
// No cookie and no CSRF token: evaluation is a stateless calculation any script may call.
const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/incentives/evaluate', payload: payload as object });

const employee = { ...lowQualified, training: { ...lowQualified.training, costEur: 300 } };

beforeAll(async () => { t = await createTestApp(); }, 120_000);
afterAll(async () => t?.close());

describe('incentives API', () => {
  it('lists the incentives with how to apply and the catalogue facet that finds offers for them', async () => {
    const res = await get('/api/v1/incentives');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; catalogIncentive: string | null; apply: { url: string }; beneficiary: string }>;
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['opleidingscheques', 'vlaams-opleidingsverlof', 'kmo-portefeuille', 'federaal-opleidingsrecht']));
    expect(items.find((i) => i.id === 'vlaams-opleidingsverlof')).toMatchObject({ catalogIncentive: 'vov', beneficiary: 'person', apply: { url: expect.stringMatching(/^https:/) } });
    expect(items.find((i) => i.id === 'kmo-portefeuille')).toMatchObject({ catalogIncentive: 'kmo', beneficiary: 'employer' });
  });

  it('publishes the facts vocabulary as a JSON Schema that accepts good facts and rejects impossible ones', async () => {
    const res = await get('/api/v1/incentives/facts-schema');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/schema+json');
    const schema = res.json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate({ referenceDate: '2025-03-01', facts: employee }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ referenceDate: '2025-03-01', facts: { person: { employmentFraction: 1.5 } } })).toBe(false);
    expect(validate({ referenceDate: '2025-03-01', facts: { person: { employmentStatus: 'astronaut' } } })).toBe(false);
    expect(validate({ referenceDate: '2025-03-01', facts: { person: { birthDate: '12/04/1988' } } })).toBe(false);
  });

  it('evaluates a low-qualified employee: training leave and vouchers with amounts, reasons and sources', async () => {
    const res = await post({ referenceDate: '2025-03-01', facts: employee });
    expect(res.statusCode, res.body).toBe(200);
    const { results, referenceDate } = res.json() as { referenceDate: string; results: Array<Record<string, unknown> & { explanation: Array<{ id: string; sources: string[] }>; parameters: Array<{ source: string; validFrom: string }> }> };
    expect(referenceDate).toBe('2025-03-01');
    const vov = results.find((r) => r.incentive === 'vlaams-opleidingsverlof')!;
    const cheques = results.find((r) => r.incentive === 'opleidingscheques')!;
    expect(vov).toMatchObject({ status: 'eligible', hours: 40 });
    expect(cheques).toMatchObject({ status: 'eligible', amountEur: 125 });
    for (const r of [vov, cheques]) {
      expect(r.explanation.length).toBeGreaterThan(0);
      for (const e of r.explanation) expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(r.parameters.every((p: { source: string; validFrom: string }) => /^https?:/.test(p.source) && /^\d{4}-\d\d-\d\d$/.test(p.validFrom))).toBe(true);
    }
  });

  it('answers "undetermined" with the missing facts and the most useful next question for an empty profile', async () => {
    const res = await post({ referenceDate: '2025-03-01', facts: {}, beneficiary: 'person' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { results: Array<{ status: string; missingFacts: string[]; beneficiary: string }>; nextQuestions: Array<{ fact: string; decides: string[] }> };
    expect(body.results.every((r) => r.beneficiary === 'person')).toBe(true);
    expect(body.results.every((r) => r.status === 'undetermined' && r.missingFacts.length > 0)).toBe(true);
    expect(body.nextQuestions[0]).toMatchObject({ fact: 'person.employmentStatus' });
    expect(body.nextQuestions[0]!.decides.length).toBeGreaterThan(1);
  });

  it('gives an employer the KMO-portefeuille and nothing meant for persons', async () => {
    const res = await post({
      referenceDate: '2025-03-01', beneficiary: 'employer',
      facts: { employer: { headcount: 12, turnoverEur: 1_500_000, balanceTotalEur: 900_000, region: 'flanders', naceCode: '62.01', legalForm: 'bv', publicParticipation: 0 }, training: { costEur: 2000, theme: 'digitalisation', providerRegisteredKmo: true } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as Array<{ incentive: string; status: string; amountEur?: number }>;
    expect(results.map((r) => r.incentive)).toEqual(['kmo-portefeuille']);
    expect(results[0]!.status).toBe('eligible');
    expect(results[0]!.amountEur).toBeGreaterThan(0);
  });

  it('refuses impossible facts, unknown values and unknown incentives with the field and the reason', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ facts: { person: { weeklyHours: -3 } } }, 'facts.person.weeklyHours', /negative/],
      [{ facts: { person: { employmentFraction: 1.2 } } }, 'facts.person.employmentFraction', /at most 1/],
      [{ referenceDate: '2025-03-01', facts: { person: { birthDate: '2030-01-01' } } }, 'facts.person.birthDate', /after the reference date/],
      [{ facts: { person: { employmentStatus: 'astronaut' } } }, 'facts.person.employmentStatus', /employee/],
      [{ facts: { person: { shoeSize: 44 } } }, 'facts.person', /shoeSize/],
      [{ facts: {}, incentives: ['free-money'] }, 'incentives', /free-money/],
      [{ referenceDate: '2025-02-30', facts: {} }, 'referenceDate', /./],
    ];
    for (const [payload, field, reason] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const errors = res.json().errors as Array<{ field: string; reason: string }>;
      const hit = errors.find((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`body.${field}`));
      expect(hit, `${JSON.stringify(payload)} → ${JSON.stringify(errors)}`).toBeDefined();
      expect(hit!.reason + hit!.field, JSON.stringify(errors)).toMatch(reason);
    }
  });

  it('serves the parsed rules for the browser, with dated parameters and their sources', async () => {
    const res = await get('/api/v1/incentives/rules');
    expect(res.statusCode).toBe(200);
    const rules = res.json().rules as Array<{ id: string; parameters: Record<string, { values: Array<{ source: string; validFrom: string }> }>; eligibility: { kind: string } }>;
    expect(rules.length).toBe(8);
    for (const r of rules) {
      expect(r.eligibility.kind, r.id).toMatch(/all|any|not|compare|in|known/);
      for (const p of Object.values(r.parameters)) for (const v of p.values) expect(v.source, r.id).toMatch(/^https?:|^urn:/);
    }
  });

  it('reads the training facts of a published offer, and says which offer field each comes from', async () => {
    const search = (await get('/api/v1/catalog/offers?incentive=vov&pageSize=5')).json() as { hits: Array<{ id: string }> };
    expect(search.hits.length).toBeGreaterThan(0);
    const id = search.hits[0]!.id;
    const offer = (await get(`/api/v1/catalog/offers/${id}`)).json();
    const res = await get(`/api/v1/incentives/offer-facts/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.offer).toMatchObject({ id, synthetic: offer.synthetic });
    expect(body.facts.training.inIncentivesDatabase).toBe(true);
    expect(body.facts.training.providerRegisteredKmo).toBe(offer.provider.kmoRegistered);
    if (offer.contactHours !== null) expect(body.facts.training.contactHours).toBe(offer.contactHours);
    expect(body.facts.training).not.toHaveProperty('leadsToShortageOccupation');
    expect(Object.keys(body.derivedFrom).sort()).toEqual(Object.keys(body.facts.training).sort());
    expect((await get('/api/v1/incentives/offer-facts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/api/v1/incentives/offer-facts/not-a-uuid')).statusCode).toBe(400);
  });
});
