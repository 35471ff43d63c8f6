import { type CallHandler, type ExecutionContext, HttpException, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { message } from '@work-permit/catalogue';
import { isApiErrorBody } from '@work-permit/platform';
import { catchError, type Observable, throwError } from 'rxjs';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
import { documentTooLarge, MaterialErrorCode, MaterialException } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';

/**
 * Bound outside FileInterceptor: multer's refusals (a file over the limit, a second file, a file in
 * another field, too many fields, a broken multipart body) leave as the platform's error body, each
 * naming the field, instead of Nest's plain exceptions.
 */
@Injectable()
export class MultipartErrorsInterceptor implements NestInterceptor {
  constructor(private readonly settings: MaterialsSettings) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.translate(error))));
  }

  translate(error: unknown): unknown {
    if (!(error instanceof HttpException) || isApiErrorBody(error.getResponse())) return error;
    if (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
      return documentTooLarge(this.settings.maxBytes);
    }
    if (error.getStatus() === HttpStatus.BAD_REQUEST) {
      // Nest appends the multer error's field, if it has one, as " - <field>".
      const field = /\s-\s(\S+)$/.exec(error.message)?.[1] ?? 'file';
      // multer's own words about the body, as it wrote them, inside the catalogue's sentence.
      return new MaterialException(MaterialErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem(field, message('portal.material.multipart', { problem: error.message }))]);
    }
    return error;
  }
}
