import type { Principal } from '@work-permit/auth';
import type { DocumentType } from '../document-type';
import type { StagedUpload } from './staged-upload.storage';

export interface UploadMaterialCommand {
  principal: Principal;
  /** The multipart part named `file`, as staged while it arrived; undefined when there was none. */
  file?: { originalName: string; staged: StagedUpload };
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
