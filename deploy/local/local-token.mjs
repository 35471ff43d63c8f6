// Signs tokens for local use (npm run token, npm run bench), as the identity provider would.
import jwt from 'jsonwebtoken';

// Same values as libs/auth's LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_TOKEN_ISSUER and LOCAL_TOKEN_AUDIENCE,
// which services accept only with NODE_ENV=development or test (npm start sets development).
const LOCAL_DEVELOPMENT_JWT_SECRET = 'weihai-local-development-secret';
const LOCAL_TOKEN_ISSUER = 'weihai-local-sign-in';
const LOCAL_TOKEN_AUDIENCE = 'work-in-weihai';

export const ROLES = ['applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin'];
export const AGENCIES = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'];

/**
 * A token for `role` (and `agency` for an officer). An applicant's token carries the verified identity
 * (`passport`, `nationality`: the services act only as that person), an employer's its credit code (`uscc`).
 * @param {{ role: string, agency?: string, sub?: string, ttl?: string, passport?: string, nationality?: string, uscc?: string }} claims
 * @param {NodeJS.ProcessEnv} [env]
 */
export function signLocalToken({ role, agency, sub = `${role}-1`, ttl = '8h', passport, nationality, uscc }, env = process.env) {
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (agency === undefined && role === 'officer') throw new Error('--agency is required for role officer');
  if (agency !== undefined && !AGENCIES.includes(agency)) throw new Error(`--agency must be one of ${AGENCIES.join(', ')}`);
  if (role === 'applicant' && (!passport || !nationality)) throw new Error('--passport and --nationality are required for role applicant (the identity the token verifies)');
  if (role === 'employer' && !uscc) throw new Error('--uscc is required for role employer (the credit code the token verifies)');
  const secret = env.AUTH_JWT_SECRET?.trim() ? env.AUTH_JWT_SECRET : undefined;
  if (env.NODE_ENV === 'production' && (secret === undefined || secret.trim() === LOCAL_DEVELOPMENT_JWT_SECRET)) {
    throw new Error('NODE_ENV=production: set AUTH_JWT_SECRET to the real secret');
  }
  const expiresIn = /** @type {import('jsonwebtoken').SignOptions['expiresIn']} */ (/^\d+$/.test(ttl) ? Number(ttl) : ttl);
  const payload = {
    role,
    ...(agency && { agency }),
    ...(role === 'applicant' && { passportNo: passport.replace(/\s+/g, '').toUpperCase(), nationality: nationality.toUpperCase() }),
    ...(role === 'employer' && { uscc: uscc.toUpperCase() }),
  };
  return jwt.sign(payload, secret ?? LOCAL_DEVELOPMENT_JWT_SECRET, {
    algorithm: 'HS256',
    subject: sub,
    expiresIn,
    issuer: env.AUTH_ISSUER?.trim() || LOCAL_TOKEN_ISSUER,
    audience: env.AUTH_AUDIENCE?.trim() || LOCAL_TOKEN_AUDIENCE,
  });
}
