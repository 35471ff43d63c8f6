import { Injectable } from '@nestjs/common';
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

  /** A case may reference only uploaded documents: one error per entry of `materials` that does not. */
  async referenceErrors(materials: unknown): Promise<FieldError[]> {
    const found = await this.materials.findMany([...referencedSha256s(materials).values()]);
    return unknownReferenceErrors(materials, new Set(found.map((m) => m.sha256)));
  }

  /** Content type and size of each of these documents that was uploaded. */
  async factsOf(sha256s: readonly string[]): Promise<Map<string, MaterialFacts>> {
    const found = await this.materials.findMany(sha256s);
    return new Map(found.map((m) => [m.sha256, { contentType: m.contentType, size: m.size }]));
  }
}
