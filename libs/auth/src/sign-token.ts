import { sign } from 'jsonwebtoken';
import type { Agency, Role } from './principal';
import { LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from './token-verification';

export interface TokenClaims {
  subject: string;
  role: Role;
  agency?: Agency;
  /** An applicant's verified passport number and nationality. */
  passportNo?: string;
  nationality?: string;
  /** An employer's verified unified social credit code. */
  uscc?: string;
  /** Defaults to one hour. */
  expiresInSeconds?: number;
  /** Default to the local issuer and audience the services accept outside production. */
  issuer?: string;
  audience?: string;
}

/** An HS256 token as the platform expects it; for tests and local tooling (the identity provider signs the real ones). */
export function signToken(secret: string, { subject, role, agency, passportNo, nationality, uscc, expiresInSeconds = 3_600, issuer = LOCAL_TOKEN_ISSUER, audience = LOCAL_TOKEN_AUDIENCE }: TokenClaims): string {
  const payload = { role, ...(agency && { agency }), ...(passportNo && { passportNo }), ...(nationality && { nationality }), ...(uscc && { uscc }) };
  return sign(payload, secret, { algorithm: 'HS256', subject, expiresIn: expiresInSeconds, issuer, audience });
}
