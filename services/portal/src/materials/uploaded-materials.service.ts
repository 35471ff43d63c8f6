import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import type { FieldError } from '@work-permit/platform';
import { referencedSha256s, unknownReferenceErrors } from './material-references';
import { MaterialRepository } from './material.repository';

export interface MaterialFacts {
  contentType: string;
  size: number;
}

/** What the cases context asks of the uploaded documents. */
@Injectable()
export class UploadedMaterials {
  constructor(private readonly materials: MaterialRepository) {}

  /**
   * A case or supplement may reference only documents the caller uploaded: one error per entry of
   * `materials` that does not, the same whether nobody or somebody else uploaded it (no oracle).
   */
  async referenceErrors(materials: unknown, caller: Principal): Promise<FieldError[]> {
    const own = await this.materials.uploadedBy(caller.subject, [...referencedSha256s(materials).values()]);
    return unknownReferenceErrors(materials, new Set(own));
  }

  /** Content type and size of each of these documents that was uploaded. */
  async factsOf(sha256s: readonly string[]): Promise<Map<string, MaterialFacts>> {
    const found = await this.materials.findMany(sha256s);
    return new Map(found.map((m) => [m.sha256, { contentType: m.contentType, size: m.size }]));
  }
}
