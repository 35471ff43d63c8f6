import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { CatalogueError, getCatalogue, validateCaseBody } from '@work-permit/catalogue';
import { Clock, type FieldError, fieldErrors } from '@work-permit/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ItemsSelectionDto } from '../catalogue/item-selection.dto';
import { selectionProblem } from '../catalogue/selection-problem';
import { UploadedMaterials } from '../materials/uploaded-materials.service';
import { takeConsent } from '../prefill/prefill-consent';
import { PrefillRefusals } from '../prefill/prefill-refusals';

/**
 * What the submit (`POST /api/cases`) would say of a draft's fields today: the same checks in the
 * same words — the selection, each field against the merged form of the chosen items, each material
 * a document the caller uploaded. Required fields still empty are among them; the form shows the ones
 * of the step being left. The parties and the selection rules (403, 422) are the submit's alone.
 */
@Injectable()
export class DraftProblems {
  constructor(
    private readonly clock: Clock,
    private readonly uploadedMaterials: UploadedMaterials,
    private readonly prefillRefusals: PrefillRefusals,
  ) {}

  async of(content: Record<string, unknown>, principal: Principal): Promise<FieldError[]> {
    const selectionDto = plainToInstance(ItemsSelectionDto, { items: content.items });
    const selectionErrors = fieldErrors(validateSync(selectionDto, { whitelist: true, forbidNonWhitelisted: true }));
    const { consent, rest } = takeConsent(content);
    const { items: _items, ...form } = rest;
    const materialErrors = await this.uploadedMaterials.referenceErrors(form.materials, principal);
    if (selectionErrors.length > 0) return [...selectionErrors, ...materialErrors];
    try {
      const selection = selectionDto.items.map(({ code, action }) => ({ code, action }));
      const catalogue = getCatalogue();
      return [...validateCaseBody(catalogue, selection, form, { today: this.clock.today() }), ...this.prefillRefusals.errors(consent, catalogue, selection), ...materialErrors];
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      return [selectionProblem(error), ...materialErrors];
    }
  }
}
