// Test helpers for documents (`@work-permit/documents/testing`); never imported by production code.
export { compact, type ReadPdf, readPdf } from './read-pdf';
export { exampleResidenceDecision, withoutCreationDate } from './same-pdf';
