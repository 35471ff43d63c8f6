// The dead-letter page's logic as plain functions: which service answers where, the rows shown, the
// discard's rules and the server's refusals placed at the form (libs/platform operations routes).
import { ApiError } from '../../api/http';
import type { Agency, WebConfig } from '../../api/types';

/** The six services, each with its own consumer group and so its own dead letters. */
export const DEAD_LETTER_SERVICES = ['portal', 'admin-approval', 'science-tech', 'public-security', 'hr-social-security', 'data-sharing'] as const;
export type DeadLetterService = (typeof DEAD_LETTER_SERVICES)[number];

export type DeadLetterStatus = 'waiting' | 'replayed' | 'discarded';
export type DeadLetterFilter = 'waiting' | 'all';

/** The longest discard reason the services keep. */
export const DISCARD_REASON_MAX_LENGTH = 500;

/** One dead letter as `GET /api/operations/dead-letters` lists it (libs/messaging `DeadLetter`). */
export interface DeadLetterView {
  id: string;
  consumerGroup: string;
  key: string | null;
  eventType?: string;
  eventId?: string;
  code: string;
  reason: string;
  source: { topic: string; partition: number; offset: string };
  failedAt: string;
  replayOf?: string;
  status: DeadLetterStatus;
  resolutions: { id: string; resolution: 'replay' | 'discard'; actor: string; reason?: string; at: string }[];
  failedAgainAs: string[];
}

export interface DeadLetterListView {
  service: string;
  group: string;
  deadLetters: DeadLetterView[];
}

/** One dead letter with its event decoded, personal fields masked (`GET /api/operations/dead-letters/:id`). */
export interface DeadLetterDetailView extends DeadLetterView {
  topic: string;
  event?: { eventId: string; type: string; schemaVersion: number; caseId: string; producer: string; occurredAt: string; correlationId: string; causationId: string; payload: unknown };
  undecodable?: string;
  masked: boolean;
}

export interface DeadLetterResolvedView {
  id: string;
  resolution: 'replay' | 'discard';
  resolutionId: string;
  actor: string;
}

const AGENCY_OF: Record<Exclude<DeadLetterService, 'portal'>, Agency> = {
  'admin-approval': 'approval',
  'science-tech': 'scitech',
  'public-security': 'psb',
  'hr-social-security': 'hrss',
  'data-sharing': 'bigdata',
};

export function isDeadLetterService(value: unknown): value is DeadLetterService {
  return (DEAD_LETTER_SERVICES as readonly unknown[]).includes(value);
}

/** Where a service answers: the portal is this page's own origin, the others are at `/api/web-config`'s addresses. */
export function serviceBaseOf(service: DeadLetterService, config: Pick<WebConfig, 'services'>): string {
  return service === 'portal' ? '' : config.services[AGENCY_OF[service]];
}

const ROUTE = '/api/operations/dead-letters';

export function deadLettersPath(filter: DeadLetterFilter): string {
  return filter === 'waiting' ? `${ROUTE}?status=waiting` : ROUTE;
}

/** One dead letter's route; its id (`P:O`) encoded, which the services decode. */
export function deadLetterPath(id: string, action?: 'replay' | 'discard'): string {
  return `${ROUTE}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/** The service chosen in the page's address (`?service=`), else the portal. */
export function serviceOf(search: URLSearchParams): DeadLetterService {
  const chosen = search.get('service');
  return isDeadLetterService(chosen) ? chosen : 'portal';
}

export function filterOf(search: URLSearchParams): DeadLetterFilter {
  return search.get('show') === 'all' ? 'all' : 'waiting';
}

/** Newest failure first, so what just broke is at the top. */
export function rowsOf(list: readonly DeadLetterView[]): DeadLetterView[] {
  return [...list].sort((a, b) => b.failedAt.localeCompare(a.failedAt) || b.id.localeCompare(a.id));
}

/** Only a waiting dead letter can be replayed or discarded here (resolving again is the CLI's `--force`). */
export function canResolve(deadLetter: Pick<DeadLetterView, 'status'>): boolean {
  return deadLetter.status === 'waiting';
}

/** The discard form's problem before sending, as a message key with its values; none when it may be sent. */
export function discardProblemOf(reason: string): { key: 'deadLetters.reasonRequired' | 'deadLetters.reasonTooLong'; max: number } | undefined {
  const trimmed = reason.trim();
  if (trimmed === '') return { key: 'deadLetters.reasonRequired', max: DISCARD_REASON_MAX_LENGTH };
  if (trimmed.length > DISCARD_REASON_MAX_LENGTH) return { key: 'deadLetters.reasonTooLong', max: DISCARD_REASON_MAX_LENGTH };
  return undefined;
}

export function discardBodyOf(reason: string): { reason: string } {
  return { reason: reason.trim() };
}

/** A refusal of a replay or a discard: the reason field's problem at the field, anything else for the whole form. */
export function refusalOf(error: unknown): { reason?: string; form?: string } {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const byField = error.fieldErrors();
  const others = Object.entries(byField).filter(([field]) => field !== 'reason');
  if (byField.reason && others.length === 0) return { reason: byField.reason };
  return { ...(byField.reason ? { reason: byField.reason } : {}), form: [error.message, ...others.map(([field, message]) => `${field}: ${message}`)].join(' — ') };
}

/** The event as the page prints it: indented JSON. */
export function eventText(detail: Pick<DeadLetterDetailView, 'event'>): string {
  return JSON.stringify(detail.event, null, 2);
}
