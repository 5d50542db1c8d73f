import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, uuidParam } from '@jiebang/platform';
import { CreateSubscriptionDto, SubscriptionList, SubscriptionView } from './subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

// Every signed-in user manages their own subscriptions: no @Roles, the global guard requires a token.
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @ApiOperation({ summary: 'My followed needs, saved searches and profile alert' })
  @ApiOkResponse({ type: SubscriptionList })
  list(@CurrentUser() caller: Principal): Promise<SubscriptionList> {
    return this.subscriptions.list(caller);
  }

  @Post()
  @ApiOperation({ summary: 'Follow a need, save a search, or let my team profile act as one' })
  @ApiCreatedResponse({ type: SubscriptionView })
  create(@Body() dto: CreateSubscriptionDto, @CurrentUser() caller: Principal): Promise<SubscriptionView> {
    return this.subscriptions.create(dto, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of my subscriptions (unfollow, forget a search)' })
  @ApiNoContentResponse()
  remove(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<void> {
    return this.subscriptions.remove(id, caller);
  }
}
