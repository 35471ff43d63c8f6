import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { ApplicantIds } from '@work-permit/platform';
import type { Readable } from 'node:stream';
import { callerOf, ownCasesKey } from '../../cases/case-parties';
import { knownCatalogue } from '../../catalogue/known-catalogue';
import { isSha256, MATERIAL_STORAGE, type MaterialStorage } from '../material-storage';
import type { Material } from '../material.entity';
import { MaterialRepository } from '../material.repository';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
import { MaterialErrorCode, MaterialException } from '../materials.exception';
import { materialReadRule, officerMayRead } from './material-access';

/** `GET /api/materials/:sha256/meta`. */
export interface MaterialMeta {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  uploadedAt: string;
}

/**
 * Reads an uploaded document back, for those who may (material-access.ts). A document the caller may
 * not read is answered exactly like one that does not exist (404), so the answer tells nobody whether
 * someone else uploaded those bytes.
 */
@Injectable()
export class ReadMaterialUseCase {
  constructor(
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    private readonly materials: MaterialRepository,
    private readonly applicantIds: ApplicantIds,
  ) {}

  async meta(principal: Principal, sha256: string): Promise<MaterialMeta> {
    const { material, fileName } = await this.allowed(principal, sha256);
    return { sha256, fileName, size: material.size, contentType: material.contentType, uploadedAt: material.uploadedAt.toISOString() };
  }

  async open(principal: Principal, sha256: string): Promise<MaterialMeta & { content: Readable }> {
    const meta = await this.meta(principal, sha256);
    const content = await this.storage.get(sha256);
    if (!content) throw new MaterialException(MaterialErrorCode.ContentMissing, message('portal.material.content_missing', { sha256 }));
    return { ...meta, content };
  }

  /** The material and the name to give it: the caller's own upload's name when they uploaded it, else the first upload's. */
  private async allowed(principal: Principal, sha256: string): Promise<{ material: Material; fileName: string }> {
    if (!isSha256(sha256)) {
      throw new MaterialException(MaterialErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem('sha256', message('portal.field.sha256'))]);
    }
    const notFound = new MaterialException(MaterialErrorCode.MaterialNotFound, message('portal.material.not_found', { sha256 }));
    const material = await this.materials.find(sha256);
    if (!material) throw notFound;
    switch (materialReadRule(principal)) {
      case 'always':
        return { material, fileName: material.fileName };
      case 'never':
        throw notFound;
      case 'when_referenced_in_agency_scope':
        if (!principal.agency || !officerMayRead(principal.agency, await this.materials.referencesOf(sha256), knownCatalogue)) throw notFound;
        return { material, fileName: material.fileName };
      case 'when_uploaded_or_referenced_by_own_case': {
        const upload = await this.materials.findUpload(sha256, principal.subject);
        if (upload) return { material, fileName: upload.fileName };
        const own = ownCasesKey(callerOf(principal, this.applicantIds));
        if (!own || !(await this.materials.referencedByCaseOf(sha256, own))) throw notFound;
        return { material, fileName: material.fileName };
      }
    }
  }
}
