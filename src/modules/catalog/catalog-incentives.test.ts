import { describe, expect, it } from 'vitest';
import { incentivesOf } from './catalog-incentives.ts';

const flags = (...args: Parameters<typeof incentivesOf>) => Object.fromEntries(incentivesOf(...args).map((f) => [f.key, f]));
const db = (validFrom: string, validUntil: string | null) => ({ id: 'DB-1', validFrom, validUntil });

describe('incentivesOf', () => {
  it('unlocks VOV and vouchers when the incentives-database registration covers today', () => {
    const f = flags({ incentiveDb: db('2025-09-01', '2027-08-31'), trainingCredit: false }, { kmoRegistered: false }, '2026-11-29');
    expect(f.vov!.unlocked).toBe(true);
    expect(f.vouchers!.unlocked).toBe(true);
    expect(f.vov!.reason).toMatch(/DB-1.*until 2027-08-31/);
    expect(f['training-credit']!.unlocked).toBe(false);
    expect(f['kmo-portefeuille']!.unlocked).toBe(false);
  });

  it('counts the first and the last day of the validity as covered; an open end never expires', () => {
    expect(flags({ incentiveDb: db('2026-11-29', '2026-11-29'), trainingCredit: false }, { kmoRegistered: false }, '2026-11-29').vov!.unlocked).toBe(true);
    expect(flags({ incentiveDb: db('2020-01-01', null), trainingCredit: false }, { kmoRegistered: false }, '2099-01-01').vov!.reason).toMatch(/without an end date/);
  });

  it('does not unlock them before the validity starts, after it ends, or without a registration — and says which', () => {
    expect(flags({ incentiveDb: db('2026-12-01', null), trainingCredit: false }, { kmoRegistered: false }, '2026-11-29').vov).toMatchObject({ unlocked: false, reason: expect.stringMatching(/only from 2026-12-01/) });
    expect(flags({ incentiveDb: db('2024-09-01', '2026-08-31'), trainingCredit: false }, { kmoRegistered: false }, '2026-11-29').vouchers).toMatchObject({ unlocked: false, reason: expect.stringMatching(/ended on 2026-08-31/) });
    expect(flags({ incentiveDb: null, trainingCredit: false }, { kmoRegistered: false }, '2026-11-29').vov).toMatchObject({ unlocked: false, reason: 'not in the incentives database' });
  });

  it('unlocks the training-credit premium when flagged and the KMO-portefeuille when the provider is registered', () => {
    const f = flags({ incentiveDb: null, trainingCredit: true }, { kmoRegistered: true }, '2026-11-29');
    expect(f['training-credit']!.unlocked).toBe(true);
    expect(f['kmo-portefeuille']).toMatchObject({ unlocked: true, reason: expect.stringMatching(/provider is registered/) });
    expect(incentivesOf({ incentiveDb: null, trainingCredit: true }, { kmoRegistered: true }, '2026-11-29').map((x) => x.key)).toEqual(['vov', 'vouchers', 'training-credit', 'kmo-portefeuille']);
  });
});
