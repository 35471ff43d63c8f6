import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { getCatalogue, type Lang, message } from '@work-permit/catalogue';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { randomUUID } from 'node:crypto';
import { callerOf } from '../cases/case-parties';
import { INVALID_FIELDS } from '../refusals';
import { CaseDraft } from './case-draft.entity';
import { caseBodySections, draftContentErrors } from './draft-content';
import { type DraftOwner, draftOwnerOf } from './draft-owner';
import { DraftProblems } from './draft-problems';
import { type DraftSummary, type DraftView, expiryCutoff, toDraftSummary, toDraftView } from './draft-view';
import { DraftErrorCode, DraftException } from './drafts.exception';
import { DraftsRepository } from './drafts.repository';
import { DraftsSettings } from './drafts-settings';

/**
 * Drafts of the one form, the caller's own: kept, listed, read, replaced (only over the version the
 * caller read: 409 otherwise) and deleted, by the owner the verified token makes (`draftOwnerOf`).
 * Another owner's draft, or an expired one, is not found. Nothing here writes a case or an event:
 * a draft becomes a case only through `POST /api/cases`. The content is never logged.
 */
@Injectable()
export class DraftsUseCase {
  private readonly sections = caseBodySections(getCatalogue());

  constructor(
    private readonly drafts: DraftsRepository,
    private readonly problems: DraftProblems,
    private readonly settings: DraftsSettings,
    private readonly applicantIds: ApplicantIds,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, content: unknown, lang: Lang): Promise<DraftView> {
    const owner = this.ownerOf(principal);
    const valid = this.checked(content);
    const now = this.clock.now();
    if ((await this.drafts.countLive(owner, this.cutoff(now))) >= this.settings.maxPerOwner) {
      throw new DraftException(DraftErrorCode.LimitReached, message('drafts.limit_reached', { max: this.settings.maxPerOwner }));
    }
    const draft = await this.drafts.insert(
      Object.assign(new CaseDraft(), { draftId: randomUUID(), ownerKind: owner.kind, ownerKey: owner.key, createdBySubject: principal.subject, content: valid, version: 1, createdAt: now, updatedAt: now }),
    );
    return this.view(draft, principal, lang);
  }

  async list(principal: Principal): Promise<DraftSummary[]> {
    const owner = this.ownerOf(principal);
    const drafts = await this.drafts.listLive(owner, this.cutoff(this.clock.now()), this.settings.maxPerOwner);
    return drafts.map((draft) => toDraftSummary(draft, this.settings.ttlDays));
  }

  async get(principal: Principal, draftId: string, lang: Lang): Promise<DraftView> {
    const owner = this.ownerOf(principal);
    const draft = await this.drafts.findLive(owner, draftId, this.cutoff(this.clock.now()));
    if (!draft) throw notFound(draftId);
    return this.view(draft, principal, lang);
  }

  async replace(principal: Principal, draftId: string, version: number, content: unknown, lang: Lang): Promise<DraftView> {
    const owner = this.ownerOf(principal);
    const valid = this.checked(content);
    const now = this.clock.now();
    const since = this.cutoff(now);
    const replaced = await this.drafts.replace(owner, draftId, version, valid, now, since);
    if (replaced) return this.view(replaced, principal, lang);
    const current = await this.drafts.findLive(owner, draftId, since);
    if (!current) throw notFound(draftId);
    throw new DraftException(DraftErrorCode.VersionConflict, message('drafts.version_conflict', { sent: version, current: current.version }), [{ field: 'If-Match', version: current.version }]);
  }

  async remove(principal: Principal, draftId: string): Promise<void> {
    if (!(await this.drafts.remove(this.ownerOf(principal), draftId, this.cutoff(this.clock.now())))) throw notFound(draftId);
  }

  private async view(draft: CaseDraft, principal: Principal, lang: Lang): Promise<DraftView> {
    return toDraftView(draft, this.settings.ttlDays, await this.problems.of(draft.content, principal), lang);
  }

  private ownerOf(principal: Principal): DraftOwner {
    const owner = draftOwnerOf(callerOf(principal, this.applicantIds));
    // The routes admit only applicants, employers and clerks, and a verified token of those has an owner.
    if (!owner) throw new Error(`a ${principal.role} token reached the drafts without an owner`);
    return owner;
  }

  private checked(content: unknown): Record<string, unknown> {
    const errors = draftContentErrors(content, this.sections, this.settings.maxBytes);
    if (errors.length > 0) throw new DraftException(DraftErrorCode.ValidationFailed, INVALID_FIELDS, errors);
    return content as Record<string, unknown>;
  }

  private cutoff(now: Date): Date {
    return expiryCutoff(now, this.settings.ttlDays);
  }
}

function notFound(draftId: string): DraftException {
  return new DraftException(DraftErrorCode.DraftNotFound, message('drafts.not_found', { draftId }));
}
