import { HttpException, HttpStatus } from '@nestjs/common';
import { message } from '@work-permit/catalogue';
import { refusalBody } from '../../refusals';

export class NotificationNotFoundException extends HttpException {
  constructor(id: string) {
    super(refusalBody('notification_not_found', message('refusal.notification_not_found', { id })), HttpStatus.NOT_FOUND);
  }
}
