import { TOPOLOGY } from '@work-permit/contracts';
import type { ServiceDefinition } from '@work-permit/platform';
import { CaseFile } from './cases/case-file.entity';
import { portalCaseLockKey } from './cases/case-lock';
import { CaseItem } from './cases/case-item.entity';
import { CaseTimelineEntry } from './cases/case-timeline-entry.entity';
import { CaseDraft } from './drafts/case-draft.entity';
import { AcceptanceNoticeRequest } from './documents/acceptance-notice-request.entity';
import { CaseDocument } from './documents/case-document.entity';
import { CaseDocumentPdfUncompressed1767100000100 } from './documents/1767100000100-case-document-pdf-uncompressed';
import { CaseDocuments1765400000100 } from './documents/case-documents.migration';
import { IdempotencyRecord } from './cases/idempotency-record.entity';
import { ContractEndReport1765300000100 } from './cases/report-contract-end/1765300000100-contract-end-report';
import { ContractEndReport } from './cases/report-contract-end/contract-end-report.entity';
import { MaterialUpload } from './materials/material-upload.entity';
import { Material } from './materials/material.entity';
import { Materials1764900000000 } from './migrations/1764900000000-materials';
import { PortalCases1764400000000 } from './migrations/1764400000000-portal-cases';
import { PortalNotifications1764700000000 } from './migrations/1764700000000-portal-notifications';
import { OwnershipByIdentity1765000000000 } from './migrations/1765000000000-ownership-by-identity';
import { ApplicantPrefill1764700000200 } from './migrations/1764700000200-applicant-prefill';
import { ReasonMessages1765500000000 } from './migrations/1765500000000-reason-messages';
import { CaseDrafts1765600000000 } from './migrations/1765600000000-case-drafts';
import { ObservedDecisionTimes1765900000000 } from './forecast/observed/1765900000000-observed-decision-times';
import { ObservedDecisionTimeBucket } from './forecast/observed/observed-decision-time.entity';
import { ApplicantPrefill } from './prefill/applicant-prefill.entity';
import { NotificationDelivery } from './notifications/delivery/notification-delivery.entity';
import { Notification } from './notifications/notification.entity';
import { PermitReminder } from './notifications/reminders/permit-reminder.entity';

export const PortalService: ServiceDefinition = {
  name: 'portal',
  defaultPort: 3000,
  ...TOPOLOGY.portal,
  caseLockKey: portalCaseLockKey,
  entities: [CaseFile, CaseItem, CaseTimelineEntry, IdempotencyRecord, Notification, NotificationDelivery, PermitReminder, ApplicantPrefill, Material, MaterialUpload, ContractEndReport, CaseDocument, AcceptanceNoticeRequest, CaseDraft, ObservedDecisionTimeBucket],
  migrations: [PortalCases1764400000000, PortalNotifications1764700000000, ApplicantPrefill1764700000200, Materials1764900000000, OwnershipByIdentity1765000000000, ContractEndReport1765300000100, CaseDocuments1765400000100, ReasonMessages1765500000000, CaseDrafts1765600000000, ObservedDecisionTimes1765900000000, CaseDocumentPdfUncompressed1767100000100],
};
