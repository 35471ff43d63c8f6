import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { type Catalogue, type ItemSelection, mergeForm } from '@work-permit/catalogue';
import { type EventMetadata, Events } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import type { FieldError } from '@work-permit/platform';
import { consentOf, type DeclinedFact, declinedFactsOf, prefillConsentErrors } from './prefill-consent';
import { PrefillService } from './prefill.service';

/**
 * The applicant's answer to the pre-fill preview, at submission: checked with the rest of the body,
 * and the facts they declined sent to the Big Data Bureau (`portal.prefill.declined`) in the case's own
 * transaction, so the record notes each refusal once with the case. Only the caller's own record
 * counts: the declined facts are looked up in the pre-fill of the identity their token verifies.
 */
@Injectable()
export class PrefillRefusals {
  constructor(private readonly prefill: PrefillService) {}

  /** Every problem of the consent for this selection (the paths must be fields of its form). */
  errors(consent: unknown, catalogue: Catalogue, selection: readonly ItemSelection[]): FieldError[] {
    if (consent === undefined) return [];
    const paths = new Set(mergeForm(catalogue, [...selection]).fields.map((field) => field.path));
    return prefillConsentErrors(consent, paths);
  }

  /** Publishes the declined facts of a case being stored (`metadata`: the case's CaseSubmitted's), if any; the facts published. */
  async publishDeclined(tx: Transaction, principal: Principal, consent: unknown, applicantId: string, metadata: EventMetadata): Promise<DeclinedFact[]> {
    const parsed = consentOf(consent);
    if (parsed.declined.length === 0) return [];
    const facts = declinedFactsOf(parsed, await this.prefill.recordFor(principal, tx.manager));
    if (facts.length === 0) return [];
    await tx.publish(
      Events.PrefillDeclined,
      {
        caseId: metadata.caseId,
        applicantId,
        facts: facts.map((fact) => ({
          path: fact.path,
          recordVersion: BigInt(fact.recordVersion),
          source: fact.source,
          sourceCaseId: fact.sourceCaseId,
          ...(fact.updatedAt ? { updatedAt: timestampFromDate(new Date(fact.updatedAt)) } : {}),
        })),
      },
      metadata,
    );
    return facts;
  }
}
