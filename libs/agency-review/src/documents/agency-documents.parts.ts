import type { Provider } from '@nestjs/common';
import type { AgencyServiceConfig } from '../agency-review.config';
import { AgencyDocumentIssuer } from './agency-document-issuer';
import { AGENCY_DOCUMENTS_OPTIONS, type AgencyDocumentsOptions } from './agency-documents.options';
import { DocumentRequests } from './document-requests.usecase';

/** What the review module adds for the agency's formal documents: the requests the workflow writes, and their renderer. */
export function agencyDocumentsProviders(config: AgencyServiceConfig): Provider[] {
  const options: AgencyDocumentsOptions = { publicWebUrl: config.PUBLIC_WEB_URL, renderIntervalMs: config.DOCUMENTS_RENDER_INTERVAL_MS };
  return [{ provide: AGENCY_DOCUMENTS_OPTIONS, useValue: options }, DocumentRequests, AgencyDocumentIssuer];
}
