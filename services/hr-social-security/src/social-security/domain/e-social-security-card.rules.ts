import { message } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';
import { assertIsoDate, assertPresent } from './input-assertions';
import { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';

export interface ESocialSecurityCardInput {
  workPermitNo: string;
  /** The work permit's validity; the start is unknown for a permit the applicant already holds (the form gives only its end). */
  validFrom?: IsoDate;
  validTo: IsoDate;
  /** Present once social insurance registration has assigned one. */
  socialSecurityNo?: string;
}

/**
 * The electronic social security card record. Since 2024-12 there is no work permit card: this card
 * carries the permit data (Ren She Bu Fa [2024] No. 75).
 */
export interface ESocialSecurityCard {
  /** The identifier registered with the holder's name: the social security number once assigned, else the work permit number. */
  registeredWith: 'social_security_no' | 'work_permit_no';
  socialSecurityNo: string | null;
  workPermit: { permitNo: string; validFrom?: IsoDate; validTo: IsoDate };
}

/** The card record for a work permit, with the social security number when there is one. */
export function eSocialSecurityCard(input: ESocialSecurityCardInput): ESocialSecurityCard {
  assertPresent(input.workPermitNo, 'workPermit.permitNo');
  assertIsoDate(input.validTo, 'workPermit.validTo');
  if (input.validFrom !== undefined) {
    assertIsoDate(input.validFrom, 'workPermit.validFrom');
    if (input.validTo < input.validFrom) {
      throw new SocialSecurityError(
        SocialSecurityErrorCode.InvalidArgument,
        message('social_security.input.permit_ends_before_start', { validFrom: input.validFrom, validTo: input.validTo }),
      );
    }
  }
  if (input.socialSecurityNo !== undefined) assertPresent(input.socialSecurityNo, 'socialSecurityNo');
  const socialSecurityNo = input.socialSecurityNo ?? null;
  const { workPermitNo: permitNo, validFrom, validTo } = input;
  return {
    registeredWith: socialSecurityNo === null ? 'work_permit_no' : 'social_security_no',
    socialSecurityNo,
    workPermit: validFrom === undefined ? { permitNo, validTo } : { permitNo, validFrom, validTo },
  };
}
