import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { getCatalogue } from '@work-permit/catalogue';
import type { Readable } from 'node:stream';
import { isSha256, MATERIAL_STORAGE, type MaterialStorage } from '../material-storage';
import type { Material } from '../material.entity';
import { MaterialRepository } from '../material.repository';
import { MaterialErrorCode, MaterialException } from '../materials.exception';
import { itemsReviewedBy, materialReadRule } from './material-access';

/** `GET /api/materials/:sha256/meta`. */
export interface MaterialMeta {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  uploadedAt: string;
}

/** Reads an uploaded document back, for those who may (material-access.ts): 404 when unknown, 403 when not theirs to read. */
@Injectable()
export class ReadMaterialUseCase {
  constructor(
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    private readonly materials: MaterialRepository,
  ) {}

  async meta(principal: Principal, sha256: string): Promise<MaterialMeta> {
    const { material, fileName } = await this.allowed(principal, sha256);
    return { sha256, fileName, size: material.size, contentType: material.contentType, uploadedAt: material.uploadedAt.toISOString() };
  }

  async open(principal: Principal, sha256: string): Promise<MaterialMeta & { content: Readable }> {
    const meta = await this.meta(principal, sha256);
    const content = await this.storage.get(sha256);
    if (!content) throw new MaterialException(MaterialErrorCode.ContentMissing, `the content of material ${sha256} is missing from the storage`);
    return { ...meta, content };
  }

  /** The material and the name to give it: the caller's own upload's name when they uploaded it, else the first upload's. */
  private async allowed(principal: Principal, sha256: string): Promise<{ material: Material; fileName: string }> {
    if (!isSha256(sha256)) {
      throw new MaterialException(MaterialErrorCode.ValidationFailed, 'the request has invalid fields', [{ field: 'sha256', message: 'must be 64 lower-case hexadecimal characters' }]);
    }
    const material = await this.materials.find(sha256);
    if (!material) throw new MaterialException(MaterialErrorCode.MaterialNotFound, `no material ${sha256}`);
    const forbidden = new MaterialException(MaterialErrorCode.Forbidden, `material ${sha256} is not yours to read`);
    const rule = materialReadRule(principal);
    switch (rule) {
      case 'always':
        return { material, fileName: material.fileName };
      case 'never':
        throw forbidden;
      case 'when_referenced_by_agency_case':
        if (!principal.agency || !(await this.materials.referencedByCaseWithItems(sha256, itemsReviewedBy(getCatalogue(), principal.agency)))) throw forbidden;
        return { material, fileName: material.fileName };
      case 'when_uploaded_or_referenced_by_own_case': {
        const upload = await this.materials.findUpload(sha256, principal.subject);
        if (upload) return { material, fileName: upload.fileName };
        const owner = { role: principal.role as 'applicant' | 'employer', subject: principal.subject };
        if (!(await this.materials.referencedByCaseOf(sha256, owner))) throw forbidden;
        return { material, fileName: material.fileName };
      }
    }
  }
}
