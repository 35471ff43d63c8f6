export const AGENCY_DOCUMENTS_OPTIONS = Symbol('AGENCY_DOCUMENTS_OPTIONS');

export interface AgencyDocumentsOptions {
  /** The web front as the public reaches it: an e-permit's QR code opens `<publicWebUrl>/verify/<documentNo>`. */
  publicWebUrl: string;
  /** How often the renderer looks for documents to issue. */
  renderIntervalMs: number;
}
