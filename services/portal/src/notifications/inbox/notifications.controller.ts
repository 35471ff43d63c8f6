import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import type { Lang } from '@work-permit/catalogue';
import { Language, type RequestLanguage } from '@work-permit/platform';
import { IsIn, IsOptional } from 'class-validator';
import { NotificationInbox } from './notification-inbox';
import type { NotificationView } from './notification-view';

class InboxQuery {
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: Lang;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInbox) {}

  @Get()
  @Roles('applicant', 'employer')
  @ApiOperation({ summary: "The caller's notifications, newest first, in the language asked for (`?lang=`, else Accept-Language; Chinese by default), with the unread count." })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  list(@CurrentPrincipal() principal: Principal, @Query() _query: InboxQuery, @Language() lang: RequestLanguage): Promise<{ notifications: NotificationView[]; unread: number }> {
    return this.inbox.list(principal, lang);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles('applicant', 'employer')
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read.' })
  markRead(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<{ id: string; read: true }> {
    return this.inbox.markRead(principal, id);
  }
}
