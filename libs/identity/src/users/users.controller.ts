import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Page, Roles } from '@jiebang/platform';
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
}
