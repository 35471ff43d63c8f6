import { Injectable } from '@nestjs/common';
import { assertActsAsThemselves, AuthException, type Principal, toHttpException } from '@work-permit/auth';
import { type Catalogue, CatalogueError, checkSelection, getCatalogue, type ItemSelection, message, validateCaseBody } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { type Transaction, UnitOfWork } from '@work-permit/messaging';
import { ApplicantIds, Clock, type FieldError, fieldErrors } from '@work-permit/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ItemsSelectionDto } from '../../catalogue/item-selection.dto';
import { selectionProblem } from '../../catalogue/selection-problem';
import { UploadedMaterials } from '../../materials/uploaded-materials.service';
import { takeConsent } from '../../prefill/prefill-consent';
import { PrefillRefusals } from '../../prefill/prefill-refusals';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
import { employerUsccOf } from '../case-parties';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { IdempotencyRecord } from '../idempotency-record.entity';
import { requestHash } from './canonical-json';
import { toCaseSubmitted } from './case-submitted.mapper';
import { type EarlierSubmission, storeSubmission } from './stored-submission';
import type { SubmitCaseCommand, SubmitCaseResult } from './submit-case.command';

const UNIQUE_VIOLATION = '23505';

/**
 * Submit once, one form. In this order: the whole body against the merged form of the chosen items,
 * each material a document the caller uploaded (400 naming every bad field); then the parties against
 * the caller's verified identity (403 `identity_mismatch`: an applicant files only as themselves, an
 * employer only for its own credit code; a clerk files for whoever stood at the window); then the
 * selection rules (422). The case, its CaseSubmitted event and the idempotency record are stored in
 * one transaction.
 */
@Injectable()
export class SubmitCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly uploadedMaterials: UploadedMaterials,
    private readonly applicantIds: ApplicantIds,
    private readonly prefillRefusals: PrefillRefusals,
  ) {}

  async execute(command: SubmitCaseCommand): Promise<SubmitCaseResult> {
    const body = asObject(command.body);
    const catalogue = getCatalogue();
    const today = this.clock.today();
    const selection = await this.validate(command.principal, catalogue, body, today);
    // The answer to the pre-fill preview is not part of the case: it goes to the Big Data Bureau on its own event.
    const { consent, rest: caseBody } = takeConsent(body);
    const hash = requestHash(body);
    try {
      return await this.unitOfWork.run((tx) => this.store(tx, command, catalogue, selection, caseBody, hash, consent));
    } catch (error) {
      // Two requests with the same key at once: the second finds the first's case.
      if (command.idempotencyKey && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        return this.unitOfWork.run(async (tx) => (await this.replay(tx, command, hash)) ?? Promise.reject(error));
      }
      throw error;
    }
  }

  private async validate(principal: Principal, catalogue: Catalogue, body: Record<string, unknown>, today: string): Promise<ItemSelection[]> {
    const selectionDto = plainToInstance(ItemsSelectionDto, { items: body.items });
    const selectionErrors = fieldErrors(validateSync(selectionDto, { whitelist: true, forbidNonWhitelisted: true }));
    const { consent, rest } = takeConsent(body);
    const { items: _items, ...form } = rest;
    if (selectionErrors.length > 0) throw invalid(selectionErrors);
    const selection: ItemSelection[] = selectionDto.items.map(({ code, action }) => ({ code, action }));
    let errors: FieldError[];
    try {
      errors = validateCaseBody(catalogue, selection, form, { today });
    } catch (error) {
      // An unknown item, an action it does not offer, a duplicate: the selection itself is wrong.
      if (!(error instanceof CatalogueError)) throw error;
      throw invalid([selectionProblem(error)]);
    }
    errors.push(...this.prefillRefusals.errors(consent, catalogue, selection));
    // Documents are never deleted, so what is uploaded now still is when the case is stored.
    errors.push(...(await this.uploadedMaterials.referenceErrors(form.materials, principal)));
    if (errors.length > 0) throw invalid(errors);
    filedAsThemselves(principal, form);
    const refusals = checkSelection(catalogue, selection, form, { today });
    if (refusals.length > 0) {
      // `messages` in both languages (the answer's `message` is the request's); `messageZh` stays for older clients.
      throw new CaseException(
        CaseErrorCode.SelectionRefused,
        message('refusal.selection_refused'),
        refusals.map((r) => ({ field: `items.${selection.findIndex((s) => s.code === r.item)}`, item: r.item, code: r.code, message: r.message.zh, messages: r.message, messageZh: r.message.zh })),
      );
    }
    return selection;
  }

  private async store(
    tx: Transaction,
    command: SubmitCaseCommand,
    catalogue: Catalogue,
    selection: ItemSelection[],
    body: Record<string, unknown>,
    hash: string,
    consent: unknown,
  ): Promise<SubmitCaseResult> {
    const { principal } = command;
    const caseId = randomUUID();
    // Validated, and for an applicant their verified identity (filedAsThemselves).
    const applicant = body.applicant as { nationality: string; passportNo: string };
    const applicantId = this.applicantIds.of(applicant.nationality, applicant.passportNo);
    const channel = principal.role === 'clerk' ? 'offline' : 'online';
    const now = this.clock.now();

    const earlier = await storeSubmission(tx.manager, {
      caseId,
      channel,
      catalogueVersion: catalogue.version,
      principal,
      applicantId,
      employerUscc: employerUsccOf(body),
      body,
      // Each agency reports review_started with its own due date once it has taken the case.
      items: selection.map(({ code, action }) => ({ code, action, agency: agencyOf(catalogue, code) })),
      at: now,
      idempotency: command.idempotencyKey ? { key: command.idempotencyKey, requestHash: hash } : undefined,
    });
    if (earlier) return replayOf(earlier, hash);
    const metadata = { caseId, correlationId: caseId, causationId: command.idempotencyKey ?? caseId, occurredAt: now };
    await tx.publish(
      Events.CaseSubmitted,
      toCaseSubmitted({ caseId, channel, submittedBy: { subject: principal.subject, role: principal.role }, selection, body, catalogueVersion: catalogue.version, applicantId }),
      metadata,
    );
    await this.prefillRefusals.publishDeclined(tx, principal, consent, applicantId, metadata);
    return { caseId, status: 'in_progress', replayed: false };
  }

  private async replay(tx: Transaction, command: SubmitCaseCommand, hash: string): Promise<SubmitCaseResult | undefined> {
    if (!command.idempotencyKey) return undefined;
    const earlier = await tx.manager.findOneBy(IdempotencyRecord, { subject: command.principal.subject, idempotencyKey: command.idempotencyKey });
    return earlier ? replayOf(earlier, hash) : undefined;
  }
}

/** The case an earlier request with the same key made, if it sent the same body (409 otherwise). */
function replayOf(earlier: EarlierSubmission, hash: string): SubmitCaseResult {
  if (earlier.requestHash !== hash) throw new CaseException(CaseErrorCode.IdempotencyKeyReused, message('refusal.idempotency_key_reused'));
  return { caseId: earlier.caseId, status: 'in_progress', replayed: true };
}

function agencyOf(catalogue: Catalogue, code: string): string {
  const item = catalogue.items.find((i) => i.code === code);
  if (!item) throw new Error(`item ${code} is not in catalogue ${catalogue.version}`);
  return item.agency;
}

/** 403 `identity_mismatch` naming each party field that is not the caller's verified identity. */
function filedAsThemselves(principal: Principal, form: Record<string, unknown>): void {
  try {
    assertActsAsThemselves(principal, { applicant: section(form.applicant), employer: section(form.employer) });
  } catch (error) {
    throw error instanceof AuthException ? toHttpException(error) : error;
  }
}

function section(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid([fieldProblem('', message('portal.field.body_not_object'))]);
  }
  return body as Record<string, unknown>;
}

function invalid(details: FieldError[]): CaseException {
  return new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, details);
}
