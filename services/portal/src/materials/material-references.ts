import { message } from '@work-permit/catalogue';
import type { FieldError } from '@work-permit/platform';
import { fieldProblem } from '../refusals';
import { isSha256 } from './material-storage';

/** The well-formed sha256 of each entry of a case's `materials`, by index; malformed ones are the catalogue validator's to name. */
export function referencedSha256s(materials: unknown): Map<number, string> {
  const references = new Map<number, string>();
  if (!Array.isArray(materials)) return references;
  materials.forEach((entry: unknown, index) => {
    const sha256 = entry !== null && typeof entry === 'object' ? (entry as { sha256?: unknown }).sha256 : undefined;
    if (isSha256(sha256)) references.set(index, sha256);
  });
  return references;
}

/** `materials.<i>.sha256` for each entry that names a document outside `uploaded` (the caller's own uploads). */
export function unknownReferenceErrors(materials: unknown, uploaded: ReadonlySet<string>): FieldError[] {
  return [...referencedSha256s(materials)]
    .filter(([, sha256]) => !uploaded.has(sha256))
    .map(([index]) => fieldProblem(`materials.${index}.sha256`, message('portal.material.not_uploaded')));
}
