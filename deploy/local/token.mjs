// Prints a signed token for local requests:
//   npm run token -- --role officer --agency psb [--sub officer-1] [--ttl 8h]
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';

// Same value as LOCAL_DEVELOPMENT_JWT_SECRET in libs/auth, which services fall back to outside production.
const LOCAL_DEVELOPMENT_JWT_SECRET = 'weihai-local-development-secret';

const ROLES = ['applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin'];
const AGENCIES = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'];
const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--agency <${AGENCIES.join('|')}>] [--sub <id>] [--ttl <8h|30m|3600>]`;

function signLocalToken({ role, agency, sub = `${role}-1`, ttl = '8h' }, env = process.env) {
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

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    if (values.role === undefined) throw new Error('--role is required');
    console.log(signLocalToken(values));
  }
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
