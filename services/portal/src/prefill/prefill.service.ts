import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@work-permit/auth';
import type { DataSource } from 'typeorm';
import { CaseFile } from '../cases/case-file.entity';
import { ApplicantPrefill, type PrefillValue } from './applicant-prefill.entity';

/** What a returning applicant need not type again: the shared record of the person their earlier case was about. */
@Injectable()
export class PrefillService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async prefillFor(principal: Principal | undefined): Promise<Record<string, PrefillValue>> {
    if (principal?.role !== 'applicant') return {};
    const latest = await this.dataSource.getRepository(CaseFile).findOne({ select: { applicantId: true }, where: { applicantSubject: principal.subject }, order: { submittedAt: 'DESC' } });
    if (!latest) return {};
    const record = await this.dataSource.getRepository(ApplicantPrefill).findOneBy({ applicantId: latest.applicantId });
    return record?.fields ?? {};
  }
}
