import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, type Page, Roles, uuidParam } from '@jiebang/platform';
import { CreateUserDto, UserPage, UserQuery, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create an advisor or admin account (admin only)' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts (admin only)' })
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: UserQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account: sessions revoked, sign-in and its tokens refused (admin only)' })
  @ApiOkResponse({ type: UserView })
  deactivate(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<UserView> {
    return this.users.setActive(id, false, caller);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an account; it signs in again (admin only)' })
  @ApiOkResponse({ type: UserView })
  reactivate(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<UserView> {
    return this.users.setActive(id, true, caller);
  }
}
