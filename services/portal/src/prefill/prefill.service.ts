import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@work-permit/auth';
import { ApplicantIds } from '@work-permit/platform';
import type { DataSource } from 'typeorm';
import { ApplicantPrefill, type PrefillValue } from './applicant-prefill.entity';

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

  async prefillFor(principal: Principal | undefined): Promise<Record<string, PrefillValue>> {
    const identity = principal?.role === 'applicant' ? principal.identity : undefined;
    if (!identity) return {};
    const record = await this.dataSource.getRepository(ApplicantPrefill).findOneBy({ applicantId: this.applicantIds.of(identity.nationality, identity.passportNo) });
    return record?.fields ?? {};
  }
}
