/**
 * The lock a fold takes before it touches a case's rows. Events of one case reach the service from
 * several topics, in transactions that may run at once; one key for every fold means the second fold
 * of an event, and every later event of the case in the same transaction, costs no further round trip;
 * the service's definition names it, so its consumer takes it with the inbox claim and the first costs none.
 */
export function caseLockKey(caseId: string): string {
  return `sharing-case:${caseId}`;
}
