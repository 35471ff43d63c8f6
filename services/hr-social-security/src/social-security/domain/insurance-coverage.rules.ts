import type { CatalogueParameters } from '@work-permit/catalogue';
import { assertNationality } from './input-assertions';

/** The five insurances of the Interim Measures (MOHRSS Order No. 16), in the order they are listed there. */
export const INSURANCES = ['pension', 'medical', 'work_injury', 'unemployment', 'maternity'] as const;

export type Insurance = (typeof INSURANCES)[number];

export type InsuranceStatus = 'required' | 'exempt_by_agreement';

export type InsuranceCoverage = Readonly<Record<Insurance, InsuranceStatus>>;

/**
 * CONFIGURATION, to move into the catalogue as `parameters.socialInsurance.agreementCoveredInsurances`
 * (the catalogue has the agreement countries but not what the agreements cover). Default: pension and
 * unemployment, the insurances China's bilateral social security agreements usually exempt. Individual
 * agreements differ (DOMAIN.md: "follow the agreement"), so one list for every agreement country is
 * a simplification; keep this the only place the list is written.
 */
export const AGREEMENT_COVERED_INSURANCES: readonly Insurance[] = ['pension', 'unemployment'];

/**
 * Which of the five insurances a foreign employee of `nationality` joins: a national of a country in
 * `socialInsurance.agreementCountries` is exempt from the insurances the agreement covers and joins
 * the rest; everyone else joins all five. The exemption stands on the coverage certificate the
 * applicant shows (SOCIAL_SECURITY_COVERAGE_CERTIFICATE); this gives what the agreement allows.
 */
export function insuranceCoverage(nationality: string, parameters: CatalogueParameters): InsuranceCoverage {
  assertNationality(nationality);
  const agreement = parameters.socialInsurance.agreementCountries.includes(nationality);
  const status = (insurance: Insurance): InsuranceStatus => (agreement && AGREEMENT_COVERED_INSURANCES.includes(insurance) ? 'exempt_by_agreement' : 'required');
  return Object.fromEntries(INSURANCES.map((insurance) => [insurance, status(insurance)])) as Record<Insurance, InsuranceStatus>;
}
