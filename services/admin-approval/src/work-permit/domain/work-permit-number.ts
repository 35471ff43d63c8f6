import { createHash } from 'node:crypto';
import { message } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './civil-date';
import { WorkPermitError, WorkPermitErrorCode } from './work-permit.exception';

const PREFIX = 'WP';
const SERIAL_DIGITS = 10;
const SERIAL_MODULUS = 10n ** BigInt(SERIAL_DIGITS);

/**
 * The permit number of the case's work permit: `WP` + the four-digit year of `issuedOn` + ten digits,
 * e.g. `WP20260123456789` (16 upper-case letters and digits, which the form's `holdings.workPermitNo`
 * pattern accepts for a later change or extension).
 *
 * The ten digits are the first 64 bits of SHA-256 of the case id, modulo 10^10. The number depends on
 * nothing but the case id and the decision day, so a replayed or redelivered decision issues the same
 * number; the replay must pass the original decision day, not the day it runs. Two cases share a number
 * only with a probability of about n² / 2·10^10 for n permits in one year, so the register that stores
 * the numbers keeps them unique and reports a clash rather than relying on this alone.
 */
export function workPermitNumber(caseId: string, issuedOn: IsoDate): string {
  if (typeof caseId !== 'string' || caseId.trim() === '') {
    throw new WorkPermitError(WorkPermitErrorCode.InvalidArgument, message('work_permit.input.case_id_missing', { value: JSON.stringify(caseId) ?? String(caseId) }));
  }
  assertIsoDate(issuedOn, 'issuedOn');
  const digest = createHash('sha256').update(caseId, 'utf8').digest();
  const serial = digest.readBigUInt64BE(0) % SERIAL_MODULUS;
  return `${PREFIX}${issuedOn.slice(0, 4)}${serial.toString().padStart(SERIAL_DIGITS, '0')}`;
}
