export { IssuedDocumentPdfUncompressed1767100000100 } from './1767100000100-issued-document-pdf-uncompressed';
export { AgencyDocuments1765400000000 } from './agency-documents.migration';
export { AgencyDocumentIssuer } from './agency-document-issuer';
export { agencyDocumentsProviders } from './agency-documents.parts';
export { DocumentRequests } from './document-requests.usecase';
export { DocumentRequestRow } from './document-request.entity';
export { IssuedDocumentRow } from './issued-document.entity';
