/**
 * The unified social credit code of GB 32100-2015: 18 characters over a 31-character alphabet (no
 * I, O, Z, S, V), registration authority and organisation type, 6-digit administrative division,
 * 9-character organisation code, and a check character.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The structure without the checksum, for the form's `pattern`. */
export const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const STRUCTURE = new RegExp(USCC_PATTERN);

/** The check character for the first 17 characters: 31 − (Σ value × weight mod 31), where 31 is written '0'. */
export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, index) => total + USCC_ALPHABET.indexOf(char) * WEIGHTS[index], 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: unknown): boolean {
  if (typeof code !== 'string' || !STRUCTURE.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}
