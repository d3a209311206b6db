// Belgian enterprise number (KBO/BCE): 10 digits, starting with 0 or 1; the last two digits are
// 97 − (the first eight digits mod 97). Written "0123.456.749" or "BE 0123 456 749"; stored bare.

/** The bare 10 digits of a formatted number (dots, spaces, a leading "BE"), or null if it is not one. */
export function normaliseEnterpriseNumber(input: string): string | null {
  const bare = input.trim().replace(/^BE\s*/i, '').replace(/[.\s]/g, '');
  return /^[01]\d{9}$/.test(bare) ? bare : null;
}

export function enterpriseCheckDigits(first8: number): number {
  return 97 - (first8 % 97);
}

/** True when `input` (formatted or bare) is a well-formed enterprise number with a valid mod-97 check. */
export function isValidEnterpriseNumber(input: string): boolean {
  const bare = normaliseEnterpriseNumber(input);
  if (!bare) return false;
  return enterpriseCheckDigits(Number(bare.slice(0, 8))) === Number(bare.slice(8));
}

/** A valid number from its first eight digits (the generator's synthetic numbers). */
export function enterpriseNumberFrom(first8: number): string {
  const head = String(first8).padStart(8, '0');
  return `${head}${String(enterpriseCheckDigits(first8)).padStart(2, '0')}`;
}

export const formatEnterpriseNumber = (bare: string) => `${bare.slice(0, 4)}.${bare.slice(4, 7)}.${bare.slice(7)}`;
