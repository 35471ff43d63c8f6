import type { DocumentKind } from '@work-permit/documents';

export type VerificationStatus = 'valid' | 'expired' | 'cancelled' | 'superseded';

export interface VerifiedDocument {
  kind: DocumentKind;
  validTo: string | null;
  cancelledOn: string | null;
}

/**
 * What the public verification page says of a document on `today` (China): a permit cancelled (注销)
 * from its cancellation day on; superseded once a later e-permit of the same item was issued to the
 * same person (an extension or change); expired after its last day; otherwise valid. Notices and
 * decisions have no validity of their own: they stay valid.
 */
export function verificationStatus(document: VerifiedDocument, supersededByLater: boolean, today: string): VerificationStatus {
  if (document.cancelledOn !== null && document.cancelledOn <= today) return 'cancelled';
  if (document.kind === 'e_permit' && supersededByLater) return 'superseded';
  if (document.validTo !== null && document.validTo < today) return 'expired';
  return 'valid';
}
