import { type CatalogueParameters, SOCIAL_INSURANCES, type SocialInsuranceKind } from '@work-permit/catalogue';
import { assertNationality } from './input-assertions';

/** The five insurances of the Interim Measures (MOHRSS Order No. 16), in the order they are listed there (the catalogue's list). */
export const INSURANCES = SOCIAL_INSURANCES;

export type Insurance = SocialInsuranceKind;

export type InsuranceStatus = 'required' | 'exempt_by_agreement';

export type InsuranceCoverage = Readonly<Record<Insurance, InsuranceStatus>>;

/**
 * Which of the five insurances a foreign employee of `nationality` joins: a national of a country
 * with a social security agreement (`socialInsurance.agreements`) is exempt from the insurances that
 * agreement lists and joins the rest; everyone else joins all five. The exemption stands on the
 * coverage certificate the applicant shows (SOCIAL_SECURITY_COVERAGE_CERTIFICATE); this gives what
 * the agreement allows.
 */
export function insuranceCoverage(nationality: string, parameters: CatalogueParameters): InsuranceCoverage {
  assertNationality(nationality);
  const exempt: readonly Insurance[] = parameters.socialInsurance.agreements[nationality]?.exempt ?? [];
  return Object.fromEntries(INSURANCES.map((insurance) => [insurance, exempt.includes(insurance) ? 'exempt_by_agreement' : 'required'])) as Record<Insurance, InsuranceStatus>;
}
