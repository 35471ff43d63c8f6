import { Inject, Injectable, Logger } from '@nestjs/common';
import { message } from '@work-permit/catalogue';
import { Clock, type FieldError } from '@work-permit/platform';
import { cleanFileName, detectDocumentType, type DocumentType } from '../document-type';
import { MATERIAL_STORAGE, type MaterialStorage } from '../material-storage';
import { MaterialRepository } from '../material.repository';
import { documentTooLarge, MaterialErrorCode, MaterialException, quotaExceeded } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
import { fitsQuota } from '../upload-quota';
import type { StagedUpload } from './staged-upload.storage';
import type { UploadMaterialCommand, UploadMaterialResult } from './upload-material.command';

/**
 * Keeps one document that arrived staged (streamed to a temporary file and hashed on the way): its
 * type told by its bytes, its size within the limit and the uploader's quota, kept under its sha256
 * (the same bytes twice are one document), then recorded with its uploader. The bytes are kept before
 * the row is written, so every recorded document can be read back.
 */
@Injectable()
export class UploadMaterialUseCase {
  private readonly logger = new Logger(UploadMaterialUseCase.name);

  constructor(
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    private readonly materials: MaterialRepository,
    private readonly settings: MaterialsSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: UploadMaterialCommand): Promise<UploadMaterialResult> {
    const { staged, originalName, contentType } = this.validate(command);
    const { sha256, size } = staged;
    const subject = command.principal.subject;
    // Checked before the bytes are kept, so an upload over the quota leaves nothing behind.
    if (!fitsQuota(await this.materials.usageOf(subject, sha256), size, this.settings.quotaBytesPerSubject)) throw this.overQuota();
    await this.storage.keep(sha256, staged, contentType);
    const fileName = cleanFileName(originalName, contentType);
    // Checked again under the subject's lock: two uploads at once cannot both fit into the last room.
    const recorded = await this.materials.record({ sha256, fileName, size, contentType, uploadedBy: command.principal, uploadedAt: this.clock.now() }, this.settings.quotaBytesPerSubject);
    if (recorded === 'over_quota') throw this.overQuota();
    this.logger.log(`material ${sha256} stored (${size} bytes)`);
    return { sha256, fileName, size, contentType };
  }

  private validate(command: UploadMaterialCommand): { staged: StagedUpload; originalName: string; contentType: DocumentType } {
    const errors: FieldError[] = command.otherFields.filter((field) => field !== 'file').map((field) => fieldProblem(field, message('portal.field.unknown')));
    const { file } = command;
    let contentType: DocumentType | undefined;
    if (!file) {
      errors.push(fieldProblem('file', message('portal.material.file_required')));
    } else if (file.staged.size > this.settings.maxBytes) {
      throw documentTooLarge(this.settings.maxBytes);
    } else if (file.staged.size === 0) {
      errors.push(fieldProblem('file', message('portal.material.file_empty')));
    } else {
      contentType = detectDocumentType(file.staged.head);
      if (!contentType) errors.push(fieldProblem('file', message('portal.material.file_type')));
    }
    if (errors.length > 0 || !file || !contentType) throw new MaterialException(MaterialErrorCode.ValidationFailed, INVALID_FIELDS, errors);
    return { staged: file.staged, originalName: file.originalName, contentType };
  }

  private overQuota(): MaterialException {
    return quotaExceeded(this.settings.quotaBytesPerSubject);
  }
}
