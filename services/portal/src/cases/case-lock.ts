/**
 * The lock the portal takes on a case whose items it follows, so that two of its items decided at once
 * are not each read as the other's unfinished. The service's definition names it, so its consumer
 * takes it with the inbox claim and the use case's own ask costs no round trip.
 */
export function portalCaseLockKey(caseId: string): string {
  return `portal-case:${caseId}`;
}
