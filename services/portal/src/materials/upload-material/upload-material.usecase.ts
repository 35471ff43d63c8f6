import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, type FieldError } from '@work-permit/platform';
import { createHash } from 'node:crypto';
import { cleanFileName, detectDocumentType, DOCUMENT_TYPE_NAMES, type DocumentType } from '../document-type';
import { MATERIAL_STORAGE, type MaterialStorage } from '../material-storage';
import { MaterialRepository } from '../material.repository';
import { MaterialErrorCode, MaterialException } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';
import type { UploadMaterialCommand, UploadMaterialResult } from './upload-material.command';

/**
 * Keeps one document: its type told by its bytes, stored under its sha256 (the same bytes twice are
 * one document), then recorded with its uploader. The bytes are stored before the row is written, so
 * every recorded document can be read back.
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
    const { bytes, originalName, contentType } = this.validate(command);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileName = cleanFileName(originalName, contentType);
    await this.storage.put(sha256, bytes, contentType);
    await this.materials.record({ sha256, fileName, size: bytes.length, contentType, uploadedBy: command.principal, uploadedAt: this.clock.now() });
    this.logger.log(`material ${sha256} stored (${contentType}, ${bytes.length} bytes, uploaded by role ${command.principal.role})`);
    return { sha256, fileName, size: bytes.length, contentType };
  }

  private validate(command: UploadMaterialCommand): { bytes: Buffer; originalName: string; contentType: DocumentType } {
    const errors: FieldError[] = command.otherFields.filter((field) => field !== 'file').map((field) => ({ field, message: 'unknown field' }));
    const { file } = command;
    let contentType: DocumentType | undefined;
    if (!file) {
      errors.push({ field: 'file', message: `is required: send one ${DOCUMENT_TYPE_NAMES} document as the multipart file field "file"` });
    } else if (file.bytes.length > this.settings.maxBytes) {
      throw new MaterialException(MaterialErrorCode.TooLarge, `the document is too large: it ${this.settings.sizeLimitMessage}`, [{ field: 'file', message: this.settings.sizeLimitMessage }]);
    } else if (file.bytes.length === 0) {
      errors.push({ field: 'file', message: 'is empty' });
    } else {
      contentType = detectDocumentType(file.bytes);
      if (!contentType) errors.push({ field: 'file', message: `must be a ${DOCUMENT_TYPE_NAMES} document; its content is none of these, whatever its name or declared type` });
    }
    if (errors.length > 0 || !file || !contentType) throw new MaterialException(MaterialErrorCode.ValidationFailed, 'the request has invalid fields', errors);
    return { bytes: file.bytes, originalName: file.originalName, contentType };
  }
}
