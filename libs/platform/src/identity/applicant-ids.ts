import { Injectable } from '@nestjs/common';
import { applicantIdOf, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { ServiceConfig } from '../config/service-config';

// An HMAC key shorter than this is guessable in practice.
const MIN_KEY_LENGTH = 32;

/** The key applicant ids are derived with: the local one only where development or test is said explicitly. */
export function applicantIdKeyOf(config: Pick<ServiceConfig, 'APPLICANT_ID_KEY' | 'isProduction'>): string {
  const key = config.APPLICANT_ID_KEY?.trim() ? config.APPLICANT_ID_KEY : undefined;
  if (!config.isProduction) return key ?? LOCAL_DEVELOPMENT_APPLICANT_ID_KEY;
  if (!key || key === LOCAL_DEVELOPMENT_APPLICANT_ID_KEY || key.length < MIN_KEY_LENGTH) {
    throw new Error(`APPLICANT_ID_KEY must be set to a secret of at least ${MIN_KEY_LENGTH} characters in production`);
  }
  return key;
}

/**
 * Derives the shared record's id of a person (a keyed hash of nationality and passport number).
 * Provided by the services that derive ids (portal, data-sharing), so only they need the key, and a
 * missing key stops them at boot.
 */
@Injectable()
export class ApplicantIds {
  private readonly key: string;

  constructor(config: ServiceConfig) {
    this.key = applicantIdKeyOf(config);
  }

  of(nationality: string, passportNo: string): string {
    return applicantIdOf(this.key, nationality, passportNo);
  }
}
