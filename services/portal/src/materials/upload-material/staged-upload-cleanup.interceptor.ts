import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, concatMap, type Observable } from 'rxjs';
import { discardStaged, type StagedUpload } from './staged-upload.storage';

/**
 * Bound outside FileInterceptor: whatever becomes of the request, the file its upload was staged in is
 * removed before the answer goes out (the storage has moved or copied what it keeps by then).
 */
@Injectable()
export class StagedUploadCleanupInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ file?: Partial<StagedUpload> }>();
    return next.handle().pipe(
      concatMap(async (result: unknown) => {
        await discardStaged(request.file);
        return result;
      }),
      catchError(async (error: unknown) => {
        await discardStaged(request.file);
        throw error;
      }),
    );
  }
}
