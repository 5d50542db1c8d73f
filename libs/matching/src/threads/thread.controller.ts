import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Roles, uuidParam } from '@jiebang/platform';
import { MarkReadDto, MessageView, PostMessageDto, ThreadPage, ThreadQuery, ThreadReadView } from './thread.dto';
import { ThreadService } from './thread.service';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('api/v1/engagements')
export class ThreadController {
  constructor(private readonly threads: ThreadService) {}

  @Get(':id/messages')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({
    summary: 'The engagement’s thread, oldest first: its latest messages, or those after / before a place',
  })
  @ApiOkResponse({ type: ThreadPage })
  list(
    @Param('id', uuidParam()) id: string,
    @Query() query: ThreadQuery,
    @CurrentUser() caller: Principal,
  ): Promise<ThreadPage> {
    return this.threads.list(id, query, caller);
  }

  @Post(':id/messages')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({
    summary: 'Write in the thread (the two parties, their advisors, the office; while the engagement is open)',
  })
  @ApiCreatedResponse({ type: MessageView })
  post(
    @Param('id', uuidParam()) id: string,
    @Body() body: PostMessageDto,
    @CurrentUser() caller: Principal,
  ): Promise<MessageView> {
    return this.threads.post(id, body, caller);
  }

  @Post(':id/messages/read')
  @HttpCode(200)
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: 'Mark the thread read up to a message (the marker never moves back)' })
  @ApiOkResponse({ type: ThreadReadView })
  markRead(
    @Param('id', uuidParam()) id: string,
    @Body() body: MarkReadDto,
    @CurrentUser() caller: Principal,
  ): Promise<ThreadReadView> {
    return this.threads.markRead(id, body, caller);
  }
}
