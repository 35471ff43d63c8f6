// What a person would do for the cases that cannot finish on their own: an officer approving a
// category C work permit (the national quota), and an applicant answering a supplement request.
const RETRY_MS = 400;
const MAX_ATTEMPTS = 300;

/** Retries `attempt` until it returns true, at most one call in flight per key. */
class Retrier {
  constructor(maxAttempts = MAX_ATTEMPTS) {
    this.running = new Set();
    this.maxAttempts = maxAttempts;
  }

  /**
   * @param {string} key
   * @param {*} attempt
   * @param {{ onGiveUp?: () => void }} [options]
   */
  run(key, attempt, { onGiveUp } = {}) {
    if (this.running.has(key)) return;
    this.running.add(key);
    let attempts = 0;
    const tick = async () => {
      attempts += 1;
      let settled = false;
      try {
        settled = await attempt();
      } catch {
        settled = false;
      }
      if (settled || attempts >= this.maxAttempts) {
        this.running.delete(key);
        if (!settled) onGiveUp?.();
        return;
      }
      setTimeout(() => void tick(), RETRY_MS).unref();
    };
    void tick();
  }
}

/**
 * Approves the work permit of a category C case as an approval officer. The decision is refused
 * (409) until admin-approval has the talent category and the screening, so it is retried.
 */
export class CategoryCOfficer {
  /**
   * `maxAttempts`: how long (× 400 ms) to keep trying; the soak waits out a killed admin-approval.
   * @param {{ maxAttempts?: number }} [options]
   */
  constructor(portal, options = {}) {
    this.portal = portal;
    this.retrier = new Retrier(options.maxAttempts);
    this.approved = 0;
    this.refusals = 0;
    this.errors = {};
  }

  onEvent(tracked, event) {
    if (tracked.category !== 'C' || tracked.approvedByOfficer || tracked.isFinal('WORK_PERMIT')) return;
    const code = event.decided?.itemCode;
    // The talent category is the work permit's last prerequisite to arrive in most cases.
    if (code !== 'TALENT_CATEGORY' && code !== 'ABNORMAL_LIST_SCREENING') return;
    this.retrier.run(tracked.caseId, async () => {
      if (tracked.outcome || tracked.isFinal('WORK_PERMIT')) return true;
      const response = await this.portal.approveWorkPermit(tracked.caseId);
      if (response.status === 200) {
        tracked.approvedByOfficer = true;
        this.approved += 1;
        return true;
      }
      // 404 until admin-approval has taken the case in, 409 until the work permit is ready for a decision.
      if (response.status === 409 || response.status === 404) this.refusals += 1;
      else countError(this.errors, response);
      return false;
    });
  }
}

/** Unexpected answers by status: how many, and the first body (the attempt is retried all the same). */
function countError(errors, response) {
  const entry = (errors[response.status] ??= { count: 0, first: JSON.stringify(response.body).slice(0, 200) });
  entry.count += 1;
}

/**
 * Answers a supplement request with the documents asked for. The portal accepts the answer only
 * once it has seen the request itself, which can be after the bench saw it on the bus.
 */
export class SupplementAnswerer {
  /** @param {{ maxAttempts?: number }} [options] */
  constructor(portal, workload, options = {}) {
    this.portal = portal;
    this.workload = workload;
    this.retrier = new Retrier(options.maxAttempts);
    this.answered = 0;
    this.errors = {};
  }

  onEvent(tracked, event) {
    const code = event.progressed?.itemCode;
    if (!code || tracked.items.get(code) !== 'awaiting_supplement') return;
    this.retrier.run(`${tracked.caseId}:${code}`, async () => {
      // Another item's answer may have carried the same document and resumed this one.
      if (tracked.outcome || tracked.items.get(code) !== 'awaiting_supplement') return true;
      const materials = this.workload.supplementMaterials(tracked.requested.get(code) ?? []);
      const response = await this.portal.supplement(tracked.token, tracked.caseId, code, materials);
      if (response.status === 200 || response.status === 201) {
        tracked.supplemented = true;
        this.answered += 1;
        return true;
      }
      if (response.status !== 409) countError(this.errors, response);
      return false;
    });
  }
}
