import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a number read aloud or typed from paper is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 10;

export const DOCUMENT_NO_PATTERN = /^[A-Z]{2,8}-\d{8}-[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A document number no other service can also give out, without asking anyone: the issuer's code
 * (each service issues only under its own), the day of issue in China, and 50 random bits — which
 * also make numbers unguessable, since the verification page answers anyone who has one.
 */
export function newDocumentNo(issuer: string, issuedOn: string, random: (size: number) => Buffer = randomBytes): string {
  const code = issuer.toUpperCase();
  if (!/^[A-Z]{2,8}$/.test(code)) throw new Error(`issuer code must be 2–8 letters: ${issuer}`);
  const bytes = random(RANDOM_LENGTH);
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i += 1) suffix += ALPHABET[bytes[i] % 32];
  return `${code}-${issuedOn.replace(/-/g, '')}-${suffix}`;
}

export function isDocumentNo(value: string): boolean {
  return DOCUMENT_NO_PATTERN.test(value);
}
