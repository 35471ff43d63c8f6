import type { Principal } from '@work-permit/auth';
import type { DocumentType } from '../document-type';

export interface UploadMaterialCommand {
  principal: Principal;
  /** The multipart part named `file`, as received; undefined when there was none. */
  file?: { originalName: string; bytes: Buffer };
  /** Names of the other (non-file) multipart fields sent: none is accepted. */
  otherFields: string[];
}

/** The answer to `POST /api/materials` (API.md). */
export interface UploadMaterialResult {
  sha256: string;
  fileName: string;
  size: number;
  contentType: DocumentType;
}
