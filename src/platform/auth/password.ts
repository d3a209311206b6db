import argon2 from 'argon2';

export type HashingCost = { memoryKiB: number; passes: number };
// argon2id with the library's defaults (64 MiB, 3 passes), above OWASP's minimum (19 MiB, 2 passes).
export const defaultHashingCost: HashingCost = { memoryKiB: 65536, passes: 3 };

export function hashPassword(password: string, cost: HashingCost = defaultHashingCost): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryKiB, timeCost: cost.passes });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not reveal which addresses have accounts.
const dummyHashes = new Map<string, Promise<string>>();
export function dummyPasswordHash(cost: HashingCost = defaultHashingCost): Promise<string> {
  const key = `${cost.memoryKiB}:${cost.passes}`;
  if (!dummyHashes.has(key)) dummyHashes.set(key, hashPassword('not-a-real-password-0000', cost));
  return dummyHashes.get(key)!;
}
