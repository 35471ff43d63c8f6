import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Lang, message } from '@work-permit/catalogue';
import { Clock } from '@work-permit/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { RecordAccessLogRow } from './audit/access-log.entity';
import { appendAccess } from './audit/access-log';
import { DataSharingConfig } from '../data-sharing.config';
import { RecordErrorCode, RecordException } from './record.exception';
import { RecordApplicantRow, RecordCaseRow, RecordChangeRow, RecordFieldRow, RecordOfferRow, RecordPermitCancellationRow, RecordPermitRow } from './record.entities';
import { type RecordRows, releaseRecord, type ReleasedRecord } from './record-view';
import { RecordRefusalRow } from './refusals/record-refusal.entity';

export interface Reader {
  agency: string;
  subject: string;
  purpose: string;
  releases: (key: string) => boolean;
}

/** Reads a person's record for one reader: releases what the scope allows and logs the read with it, or neither. */
@Injectable()
export class RecordReader {
  private readonly logger = new Logger(RecordReader.name);
  private readonly chainKey: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: DataSharingConfig,
  ) {
    this.chainKey = config.auditChainKey;
  }

  /** `lang`: the language the record's reasons are shown in (both are given beside). */
  read(applicantId: string, reader: Reader, lang: Lang = 'zh'): Promise<ReleasedRecord | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await loadRecord(manager, applicantId);
      if (!rows) return undefined;
      const record = releaseRecord(rows, reader.releases, lang);
      try {
        await appendAccess(manager, this.chainKey, { at: this.clock.now(), applicantId, agency: reader.agency, subject: reader.subject, purpose: reader.purpose, fields: record.released });
      } catch (error) {
        // Fails closed: the transaction rolls back and nothing of the record leaves without its log row.
        this.logger.error(`access log not written, read refused: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
        throw new RecordException(RecordErrorCode.AuditUnavailable, message('refusal.audit_unavailable'));
      }
      return record;
    });
  }

  accessLogOf(applicantId: string): Promise<RecordAccessLogRow[]> {
    return this.dataSource.getRepository(RecordAccessLogRow).find({ where: { applicantId }, order: { id: 'ASC' } });
  }

  /** The facts the person declined to reuse, in every case of theirs. */
  refusalsOf(applicantId: string): Promise<RecordRefusalRow[]> {
    return this.dataSource.getRepository(RecordRefusalRow).findBy({ applicantId });
  }
}

/** Everything the record holds about a person, or undefined when it knows nobody by that id. */
export async function loadRecord(manager: EntityManager, applicantId: string): Promise<RecordRows | undefined> {
  if (!(await manager.existsBy(RecordApplicantRow, { applicantId }))) return undefined;
  const caseIds = (await manager.findBy(RecordCaseRow, { applicantId })).map((row) => row.caseId);
  const fields = await manager.findBy(RecordFieldRow, { applicantId });
  const offers = await manager.findBy(RecordOfferRow, { applicantId });
  const permits = await manager.findBy(RecordPermitRow, { caseId: In(caseIds) });
  const changes = await manager.findBy(RecordChangeRow, { caseId: In(caseIds) });
  const cancellations = await manager.findBy(RecordPermitCancellationRow, { caseId: In(caseIds) });
  const refusals = await manager.findBy(RecordRefusalRow, { applicantId });
  return { applicantId, fields, offers, permits, changes, cancellations, refusals };
}
