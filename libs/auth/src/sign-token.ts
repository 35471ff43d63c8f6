import { sign } from 'jsonwebtoken';
import type { Agency, Role } from './principal';

export interface TokenClaims {
  subject: string;
  role: Role;
  agency?: Agency;
  /** Defaults to one hour. */
  expiresInSeconds?: number;
}

/** An HS256 token as the platform expects it; for tests and local tooling. */
export function signToken(secret: string, { subject, role, agency, expiresInSeconds = 3_600 }: TokenClaims): string {
  const payload = agency === undefined ? { role } : { role, agency };
  return sign(payload, secret, { algorithm: 'HS256', subject, expiresIn: expiresInSeconds });
}
