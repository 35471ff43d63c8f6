import { type Catalogue, fieldProblem, message } from '@work-permit/catalogue';
import type { FieldError } from '@work-permit/platform';
import { PREFILL_CONSENT } from '../prefill/prefill-consent';

/** The top-level keys a case body may have: `items`, `materials`, the answer to the pre-fill preview, and every section the catalogue's fields live in. */
export function caseBodySections(catalogue: Catalogue): Set<string> {
  return new Set(['items', 'materials', PREFILL_CONSENT, ...catalogue.fields.map((field) => field.path.split('.')[0])]);
}

/**
 * What a draft's content must be however unfinished it is: a JSON object of at most `maxBytes`, with
 * only the case body's top-level keys, `items` and `materials` lists and every other section an
 * object. Everything inside may be missing or still wrong: `draftProblems` says what, as the submit would.
 */
export function draftContentErrors(content: unknown, sections: ReadonlySet<string>, maxBytes: number): FieldError[] {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) return [fieldProblem('', message('portal.field.body_not_object'))];
  const size = Buffer.byteLength(JSON.stringify(content), 'utf8');
  if (size > maxBytes) return [fieldProblem('', message('drafts.field.too_large', { maxBytes }))];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(content)) {
    if (!sections.has(key)) errors.push(fieldProblem(key, message('portal.field.unknown')));
    else if (key === 'items' || key === 'materials') {
      if (!Array.isArray(value)) errors.push(fieldProblem(key, message('drafts.field.list')));
    } else if (value === null || typeof value !== 'object' || Array.isArray(value)) errors.push(fieldProblem(key, message('drafts.field.object')));
  }
  return errors;
}

/** The version an `If-Match` header names: `"3"`, `W/"3"` or `3`; undefined when it names none. */
export function versionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  return match ? Number(match[1]) : undefined;
}

/** The entity tag of a version, as `ETag` answers it. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
