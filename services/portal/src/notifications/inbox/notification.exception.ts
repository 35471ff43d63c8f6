import { HttpException, HttpStatus } from '@nestjs/common';
import { apiError } from '@work-permit/platform';

export class NotificationNotFoundException extends HttpException {
  constructor(id: string) {
    super(apiError('notification_not_found', `no notification ${id} for you`), HttpStatus.NOT_FOUND);
  }
}
