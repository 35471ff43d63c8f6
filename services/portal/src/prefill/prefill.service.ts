import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@work-permit/auth';
import { ApplicantIds } from '@work-permit/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ApplicantPrefill } from './applicant-prefill.entity';
import type { PrefillRecord } from './prefill-consent';

/**
 * What a returning applicant need not type again: the shared record of the person their token
 * verifies — never of anyone a case of theirs named. Employers and clerks file for others and get
 * nothing.
 */
@Injectable()
export class PrefillService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applicantIds: ApplicantIds,
  ) {}

  /** The pre-fillable record of the caller's own verified identity, with its version; undefined for anyone else. */
  async recordFor(principal: Principal | undefined, manager: EntityManager = this.dataSource.manager): Promise<PrefillRecord | undefined> {
    const identity = principal?.role === 'applicant' ? principal.identity : undefined;
    if (!identity) return undefined;
    const record = await manager.getRepository(ApplicantPrefill).findOneBy({ applicantId: this.applicantIds.of(identity.nationality, identity.passportNo) });
    return record ? { version: record.version, fields: record.fields } : undefined;
  }
}
