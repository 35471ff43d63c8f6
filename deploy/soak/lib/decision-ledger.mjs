// Every decision on the agencies' topics, keyed by case and item: a decision made twice is two
// decision events (two event ids) for one item of one case. The same event read twice (one event id:
// the outbox's at-least-once relay sending it again after a kill) is a redelivery, which consumers
// skip by their inbox — counted, but not a second decision.
export class DecisionLedger {
  constructor() {
    /** `caseId|itemCode` → Map(eventId → copies read) */
    this.decisions = new Map();
  }

  /** A CaseTracker observer: takes every `*.item.decided` event read. */
  observe = (event) => {
    if (!event.decided) return;
    const key = `${event.caseId}|${event.decided.itemCode}`;
    const copies = this.decisions.get(key) ?? new Map();
    copies.set(event.eventId, (copies.get(event.eventId) ?? 0) + 1);
    this.decisions.set(key, copies);
  };

  /** The figures for the given cases: items decided, items decided more than once, redelivered copies. */
  countFor(caseIds) {
    const wanted = new Set(caseIds);
    let items = 0;
    let redelivered = 0;
    const twice = [];
    for (const [key, copies] of this.decisions) {
      if (!wanted.has(key.slice(0, key.indexOf('|')))) continue;
      items += 1;
      if (copies.size > 1) twice.push({ caseItem: key, decisions: copies.size });
      for (const n of copies.values()) redelivered += n - 1;
    }
    const byItem = {};
    for (const { caseItem } of twice) byItem[caseItem.split('|')[1]] = (byItem[caseItem.split('|')[1]] ?? 0) + 1;
    return { itemsDecided: items, duplicated: twice.length, duplicatedByItem: byItem, duplicatedItems: twice.slice(0, 20), redeliveredCopies: redelivered };
  }
}
