import { expect } from 'vitest';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../../../test-support/test-app.ts';
import { escoService } from '../esco/esco.service.ts';
import type { OfferInputRaw } from './catalog.schema.ts';

// Shared by the catalogue's API tests: providers of their own (never in the seed) and a valid offer.

export const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

export async function welderSkills(t: TestApp): Promise<string[]> {
  const o = await escoService(t.database.db).getOccupation(WELDER, 'nl');
  expect(o, 'ESCO is loaded in the seeded test database').not.toBeNull();
  return o!.essentialSkills.slice(0, 4).map((s) => s.uri);
}

export async function addProvider(admin: TestClient, id: string, over: Record<string, unknown> = {}) {
  const res = await admin.request({ method: 'PUT', url: `/api/v1/catalog/providers/${id}`, payload: { name: `Testcentrum ${id}`, kind: 'adult-education-centre', kmoRegistered: true, ...over } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function signIn(t: TestApp, role: 'admin' | 'provider' | 'editor', providerId?: string): Promise<TestClient> {
  const u = await t.addUser({ email: `${role}-${Math.random().toString(36).slice(2, 8)}@koers.test`, role, ...(providerId ? { providerId } : {}) });
  const c = t.client();
  expect((await c.login(u.email, u.password)).statusCode).toBe(200);
  return c;
}

export function offerInput(skills: string[], over: Partial<OfferInputRaw> = {}): OfferInputRaw {
  return {
    externalId: 'LAS-001',
    title: { nl: 'Opleiding lasser', en: 'Welding course' },
    summary: { nl: 'MIG/MAG-lassen voor beginners.' },
    kind: 'course',
    levelEqf: 3,
    language: 'nl',
    format: 'in-person',
    contactHours: 120,
    priceEur: 180,
    priceIncludes: 'lasmateriaal',
    incentiveDb: { id: 'OD-12345', validFrom: '2025-09-01', validUntil: null },
    vouchers: true,
    trainingCredit: false,
    skills,
    occupations: [WELDER],
    url: 'https://voorbeeld.example/lassen',
    status: 'published',
    locations: [{ postalCode: '9000' }],
    sessions: [
      { startsOn: '2027-02-01', endsOn: '2027-06-30', schedule: 'evening', seatsLeft: 8 },
      { startsOn: '2027-01-10', endsOn: '2027-01-31', schedule: 'weekend', postalCode: '9000' },
    ],
    ...over,
  };
}

export const countRows = async (t: TestApp, table: 'catalog_offer' | 'catalog_session' | 'catalog_offer_location' | 'audit_log' | 'catalog_provider') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;
