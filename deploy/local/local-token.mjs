// Signs tokens for local use (npm run token, npm run bench).
import jwt from 'jsonwebtoken';

// Same value as LOCAL_DEVELOPMENT_JWT_SECRET in libs/auth, which services fall back to outside production.
const LOCAL_DEVELOPMENT_JWT_SECRET = 'weihai-local-development-secret';

export const ROLES = ['applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin'];
export const AGENCIES = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'];

export function signLocalToken({ role, agency, sub = `${role}-1`, ttl = '8h' }, env = process.env) {
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (agency === undefined && role === 'officer') throw new Error('--agency is required for role officer');
  if (agency !== undefined && !AGENCIES.includes(agency)) throw new Error(`--agency must be one of ${AGENCIES.join(', ')}`);
  const secret = env.AUTH_JWT_SECRET?.trim() ? env.AUTH_JWT_SECRET : undefined;
  if (env.NODE_ENV === 'production' && (secret === undefined || secret.trim() === LOCAL_DEVELOPMENT_JWT_SECRET)) {
    throw new Error('NODE_ENV=production: set AUTH_JWT_SECRET to the real secret');
  }
  const expiresIn = /^\d+$/.test(ttl) ? Number(ttl) : ttl;
  const payload = agency === undefined ? { role } : { role, agency };
  return jwt.sign(payload, secret ?? LOCAL_DEVELOPMENT_JWT_SECRET, { algorithm: 'HS256', subject: sub, expiresIn });
}

