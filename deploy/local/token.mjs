// Prints a signed token for local requests:
//   npm run token -- --role officer --agency psb [--sub officer-1] [--ttl 8h]
//   npm run token -- --role applicant --passport C01X00T47 --nationality DEU
//   npm run token -- --role employer --uscc 91371000MA3C5LXX0F
import { parseArgs } from 'node:util';
import { AGENCIES, ROLES, signLocalToken } from './local-token.mjs';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--agency <${AGENCIES.join('|')}>] [--passport <no> --nationality <ISO alpha-3>] [--uscc <code>] [--sub <id>] [--ttl <8h|30m|3600>]`;

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      passport: { type: 'string' },
      nationality: { type: 'string' },
      uscc: { type: 'string' },
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
