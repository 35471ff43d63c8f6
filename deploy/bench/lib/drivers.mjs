// Load drivers: closed loop (a fixed number of cases in flight, each replaced when it is decided),
// open loop (submissions at a set rate whatever happens downstream) and intake alone (POST only).
import { setTimeout as sleep } from 'node:timers/promises';

/** Submits generated cases through the portal and hands them to the tracker. */
export class Submitter {
  constructor({ portal, workload, tracker }) {
    this.portal = portal;
    this.workload = workload;
    this.tracker = tracker;
    this.failures = [];
  }

  /** Returns `{ tracked, submitMs }`, or `{ failed }` when the portal refused or did not answer. */
  async submit(phase) {
    const generated = this.workload.next();
    const token = this.portal.filerToken();
    const submittedAt = performance.now();
    const answer = await this.portal.submit(token, generated.body);
    const submitMs = performance.now() - submittedAt;
    if (!answer.caseId) {
      this.failures.push({ phase, status: answer.status, error: answer.error });
      return { failed: true, submitMs };
    }
    const { body: _body, ...meta } = generated;
    const tracked = this.tracker.register({ ...meta, caseId: answer.caseId, token, phase, submittedAt, submitMs });
    return { tracked, submitMs };
  }
}

/** Keeps `concurrency` cases in flight for `durationS`; each worker submits its next case when its last is decided. */
export async function closedLoop(submitter, { phase, concurrency, durationS }) {
  const startedAt = performance.now();
  const stopAt = startedAt + durationS * 1000;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const { tracked } = await submitter.submit(phase);
      if (tracked) await tracked.done;
      else await sleep(200);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { startedAt, submittingEndedAt: stopAt, endedAt: performance.now() };
}

/**
 * Submits at `rate` cases per second for `durationS`, on schedule whatever the answers. Stops early,
 * as saturated, when more than `maxInFlight` cases are undecided: past that the backlog only grows.
 */
export async function openLoop(submitter, tracker, { phase, rate, durationS, maxInFlight }) {
  const startedAt = performance.now();
  const stopAt = startedAt + durationS * 1000;
  const pending = [];
  let sent = 0;
  let answered = 0;
  let saturatedAt;
  while (performance.now() < stopAt) {
    const due = Math.floor(((performance.now() - startedAt) / 1000) * rate) + 1;
    while (sent < due) {
      pending.push(submitter.submit(phase).finally(() => (answered += 1)));
      sent += 1;
    }
    if (tracker.inFlight() + (sent - answered) > maxInFlight) {
      saturatedAt = performance.now();
      break;
    }
    await sleep(Math.max(1, Math.min(20, 1000 / rate / 2)));
  }
  const submittingEndedAt = performance.now();
  const answers = await Promise.all(pending);
  return { startedAt, submittingEndedAt, offered: sent, saturatedAfterS: saturatedAt ? (saturatedAt - startedAt) / 1000 : undefined, answers };
}

/** Only `POST /api/cases`, closed loop: as many requests as `concurrency` at a time for `durationS`. */
export async function intakeOnly(submitter, { phase, concurrency, durationS }) {
  const startedAt = performance.now();
  const stopAt = startedAt + durationS * 1000;
  const submitMs = [];
  let failed = 0;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const result = await submitter.submit(phase);
      if (result.failed) failed += 1;
      else submitMs.push(result.submitMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const endedAt = performance.now();
  return { startedAt, endedAt, accepted: submitMs.length, failed, submitMs };
}

/** Waits until every case of `phase` is decided or timed out, or until `deadlineMs` (performance.now()). */
export async function drain(tracker, phase, deadlineMs) {
  for (;;) {
    const open = tracker.casesOf(phase).filter((tracked) => !tracked.outcome).length;
    if (open === 0 || performance.now() > deadlineMs) return { open };
    await sleep(250);
  }
}
