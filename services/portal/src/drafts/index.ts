import type { Provider } from '@nestjs/common';
import type { PortalConfig } from '../portal.config';
import { DraftExpiry } from './draft-expiry';
import { DraftProblems } from './draft-problems';
import { DraftsRepository } from './drafts.repository';
import { DraftsSettings, draftsSettingsOf } from './drafts-settings';
import { DraftsUseCase } from './drafts.usecase';

export { DraftsController } from './drafts.controller';

/** Drafts of the one form on the server (`/api/drafts`; README.md, Drafts): what AppModule provides for them. */
export function draftsProviders(config: PortalConfig): Provider[] {
  return [{ provide: DraftsSettings, useValue: draftsSettingsOf(config) }, DraftsRepository, DraftProblems, DraftsUseCase, DraftExpiry];
}
