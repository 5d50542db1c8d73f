import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, uuidParam } from '@jiebang/platform';
import { InboxQuery, NotificationPage, UnreadCountView } from './notification.dto';
import { NotificationsService } from './notifications.service';

// Every signed-in user has an inbox: no @Roles, the global guard requires a token.
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My inbox, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPage })
  inbox(@Query() query: InboxQuery, @CurrentUser() caller: Principal): Promise<NotificationPage> {
    return this.notifications.inbox(query, caller);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentUser() caller: Principal): Promise<UnreadCountView> {
    return this.notifications.unreadCount(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: UnreadCountView })
  markAllRead(@CurrentUser() caller: Principal): Promise<UnreadCountView> {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: UnreadCountView })
  markRead(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<UnreadCountView> {
    return this.notifications.markRead(id, caller);
  }
}
