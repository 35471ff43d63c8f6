import { type Catalogue, getCatalogue, type ItemCode, message, type Message } from '@work-permit/catalogue';
import { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';

const PROFESSIONAL_TITLE = 'PROFESSIONAL_TITLE';

export interface TitleEvaluationApplication {
  /** The codes of the documents uploaded with the case. */
  materials: readonly { code: string }[];
  /** Items granted or held whose result the bureau takes by data sharing (WORK_PERMIT), standing for their proof documents. */
  sharedResults?: readonly ItemCode[];
}

export type TitleMaterialStatus = 'present' | 'shared' | 'missing';

export interface TitleMaterialCheck {
  code: string;
  status: TitleMaterialStatus;
}

export interface TitleEvaluationAssessment {
  /** Professional title evaluation is never decided automatically. */
  decision: 'manual';
  reason: Message;
  /** Every material the committee needs, in the catalogue's order. */
  materials: TitleMaterialCheck[];
  /** The codes of the materials still missing, for a supplement request. */
  missing: string[];
}

/**
 * What the expert committee needs for a professional title evaluation, read from the catalogue's
 * required materials for PROFESSIONAL_TITLE `apply`: each present (uploaded), shared (another item's
 * result stands for it) or missing. A case should pass the catalogue version it was submitted under.
 */
export function assessTitleEvaluation(application: TitleEvaluationApplication, catalogue: Catalogue = getCatalogue()): TitleEvaluationAssessment {
  const action = catalogue.items.find((item) => item.code === PROFESSIONAL_TITLE)?.actions.find((candidate) => candidate.action === 'apply');
  if (!action) {
    throw new SocialSecurityError(SocialSecurityErrorCode.CatalogueItemMissing, message('social_security.input.title_action_missing', { version: catalogue.version, item: PROFESSIONAL_TITLE }));
  }
  const uploaded = new Set(application.materials.map((material) => material.code));
  const shared = new Set(application.sharedResults ?? []);
  const statusOf = (code: string, producedBy: ItemCode | undefined): TitleMaterialStatus => {
    if (uploaded.has(code)) return 'present';
    return producedBy !== undefined && shared.has(producedBy) ? 'shared' : 'missing';
  };
  const materials = action.materials
    .filter((use) => use.required)
    .map(({ code }): TitleMaterialCheck => {
      const definition = catalogue.materials.find((material) => material.code === code);
      return { code, status: statusOf(code, definition?.producedBy) };
    });
  return {
    decision: 'manual',
    reason: message('social_security.title.committee'),
    materials,
    missing: materials.filter((material) => material.status === 'missing').map((material) => material.code),
  };
}
