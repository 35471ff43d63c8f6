import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicantIds, Clock } from '@work-permit/platform';
import type { PortalConfig } from '../portal.config';
import { AcceptanceNotices, DOCUMENTS_SETTINGS, type DocumentsSettings } from './acceptance-notices';
import { CaseDocuments } from './case-documents';
import { DocumentsConsumer } from './documents.consumer';
import { DocumentsController } from './documents.controller';
import { VerifyController } from './verify.controller';

/** The formal documents of the cases: the portal's acceptance notices, the agencies' documents kept, listed, downloaded and verified. */
@Module({})
export class DocumentsModule {
  static register(config: PortalConfig): DynamicModule {
    const settings: DocumentsSettings = { renderIntervalMs: config.DOCUMENTS_RENDER_INTERVAL_MS };
    return {
      module: DocumentsModule,
      controllers: [DocumentsController, VerifyController, DocumentsConsumer],
      providers: [{ provide: DOCUMENTS_SETTINGS, useValue: settings }, Clock, ApplicantIds, CaseDocuments, AcceptanceNotices],
      exports: [CaseDocuments],
    };
  }
}
