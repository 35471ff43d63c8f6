import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Agency } from '@work-permit/auth';
import type { DataSource, EntityManager } from 'typeorm';
import { AbnormalListEntry } from './abnormal-list-entry.entity';
import { type EntryStatus, maySeeEntry } from './abnormal-list.rules';

const PAGE = 1_000;

// entryStatus in SQL, so a status filter pages correctly; abnormal-list.rules.ts is the rule.
const STATUS_CONDITION: Readonly<Record<EntryStatus, string>> = {
  lifted: 'entry.lifted_at IS NOT NULL',
  expired: 'entry.lifted_at IS NULL AND entry.expires_on < :today',
  active: 'entry.lifted_at IS NULL AND (entry.expires_on IS NULL OR entry.expires_on >= :today)',
};

/** The abnormal-information list as each officer may see it. */
@Injectable()
export class AbnormalListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The entries `agency` may see (see maySeeEntry), newest first, optionally of one status on `today`. */
  visibleTo(agency: Agency | undefined, status: EntryStatus | undefined, today: string): Promise<AbnormalListEntry[]> {
    const query = this.dataSource.getRepository(AbnormalListEntry).createQueryBuilder('entry').orderBy('entry.reported_at', 'DESC').addOrderBy('entry.id').take(PAGE);
    if (agency !== 'bigdata') query.andWhere('entry.source = :agency', { agency: agency ?? '' });
    if (status) query.andWhere(STATUS_CONDITION[status], { today });
    return query.getMany();
  }

  /** The entry, locked for an update, when `agency` may see it; undefined for an unknown one and another agency's alike. */
  async findVisibleForUpdate(manager: EntityManager, id: string, agency: Agency | undefined): Promise<AbnormalListEntry | undefined> {
    const entry = await manager.findOne(AbnormalListEntry, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return entry && maySeeEntry(agency, entry) ? entry : undefined;
  }
}
