import { applicantIdOf, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { loadConfig, ServiceConfig } from '../config/service-config';
import { applicantIdKeyOf, ApplicantIds } from './applicant-ids';

const configFor = (env: NodeJS.ProcessEnv) => loadConfig(ServiceConfig, env, { PORT: 3999, DATABASE_NAME: 'weihai_example' });
const REAL_KEY = 'a-real-applicant-id-key-from-the-vault-0123';

describe(applicantIdKeyOf.name, () => {
  it('uses the local key only in an explicit development or test environment', () => {
    expect(applicantIdKeyOf(configFor({ NODE_ENV: 'test' }))).toBe(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY);
  });

  it.each([
    ['unset', {}],
    ['the local key', { APPLICANT_ID_KEY: LOCAL_DEVELOPMENT_APPLICANT_ID_KEY }],
    ['a short key', { APPLICANT_ID_KEY: 'short' }],
  ])('refuses production with APPLICANT_ID_KEY %s', (_label, env) => {
    expect(() => applicantIdKeyOf(configFor({ NODE_ENV: 'production', ...env }))).toThrow(/APPLICANT_ID_KEY/);
  });

  it('refuses an unset NODE_ENV (production) without a key', () => {
    expect(() => applicantIdKeyOf(configFor({}))).toThrow(/APPLICANT_ID_KEY/);
  });
});

describe(ApplicantIds.name, () => {
  it('derives ids with the configured key', () => {
    const ids = new ApplicantIds(configFor({ NODE_ENV: 'production', APPLICANT_ID_KEY: REAL_KEY }));
    expect(ids.of('GBR', 'E1234567')).toBe(applicantIdOf(REAL_KEY, 'GBR', 'E1234567'));
    expect(ids.of('GBR', 'E1234567')).not.toBe(applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'GBR', 'E1234567'));
  });
});
