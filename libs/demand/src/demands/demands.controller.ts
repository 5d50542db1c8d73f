import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, IfMatchVersion, type Page, Public, Roles, uuidParam } from '@jiebang/platform';
import type { FastifyReply } from 'fastify';
import {
  CreateDemandDto,
  DemandFullPage,
  DemandFullView,
  DemandPublicPage,
  DemandPublicView,
  ManagedDemandCountQuery,
  ManagedDemandCountsView,
  ManagedDemandQuery,
  PublicDemandQuery,
  ReturnDemandDto,
  TransitionView,
  UpdateDemandDto,
  WithdrawDemandDto,
} from './demand.dto';
import { DemandsService } from './demands.service';

@ApiTags('demands')
@Controller('api/v1/demands')
export class DemandsController {
  constructor(private readonly demands: DemandsService) {}

  @Post()
  @Roles('enterprise', 'advisor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Draft a need (an enterprise for itself, an advisor for an enterprise it serves)' })
  @ApiCreatedResponse({ type: DemandFullView })
  create(@Body() body: CreateDemandDto, @CurrentUser() caller: Principal): Promise<DemandFullView> {
    return this.demands.create(body, { principal: caller });
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Published needs (public fields), filtered and paginated' })
  @ApiOkResponse({ type: DemandPublicPage })
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@Query() query: PublicDemandQuery): Promise<string> {
    return this.demands.listPublic(query);
  }

  @Get('manage')
  @Roles('enterprise', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Needs I manage, in any status (admin: all; enterprise: mine; advisor: my enterprises)' })
  @ApiOkResponse({ type: DemandFullPage })
  manage(@Query() query: ManagedDemandQuery, @CurrentUser() caller: Principal): Promise<Page<DemandFullView>> {
    return this.demands.listManaged(query, caller);
  }

  @Get('manage/counts')
  @Roles('enterprise', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'How many of the needs I manage are in each status' })
  @ApiOkResponse({ type: ManagedDemandCountsView })
  countManaged(
    @Query() query: ManagedDemandCountQuery,
    @CurrentUser() caller: Principal,
  ): Promise<ManagedDemandCountsView> {
    return this.demands.countManaged(query, caller);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A need: the full view for its owner, advisor and admin, the public view for others' })
  @ApiExtraModels(DemandPublicView, DemandFullView)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(DemandFullView) }, { $ref: getSchemaPath(DemandPublicView) }] },
  })
  async get(
    @Param('id', uuidParam()) id: string,
    @CurrentUser('optional') caller: Principal | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<DemandPublicView | DemandFullView> {
    const view = await this.demands.get(id, caller);
    if ('version' in view) void response.header('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
  @Roles('enterprise', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag (version) last read, e.g. "3"' })
  @ApiOperation({ summary: 'Edit a draft or returned need (admin may also correct a published one)' })
  @ApiOkResponse({ type: DemandFullView })
  update(
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateDemandDto,
    @IfMatchVersion() version: number,
    @CurrentUser() caller: Principal,
  ): Promise<DemandFullView> {
    return this.demands.update(id, body, version, { principal: caller });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('enterprise', 'advisor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a draft never submitted, with its files (owner or its advisor)' })
  @ApiNoContentResponse()
  delete(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<void> {
    return this.demands.delete(id, { principal: caller });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('enterprise', 'advisor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Submit a draft or returned need for review' })
  @ApiOkResponse({ type: DemandFullView })
  submit(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<DemandFullView> {
    return this.demands.submit(id, { principal: caller });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Approve a submitted need; assigns its code MY-<year>-<seq>' })
  @ApiOkResponse({ type: DemandFullView })
  approve(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<DemandFullView> {
    return this.demands.approve(id, { principal: caller });
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Return a submitted need to its owner with reasons' })
  @ApiOkResponse({ type: DemandFullView })
  returnForChanges(
    @Param('id', uuidParam()) id: string,
    @Body() body: ReturnDemandDto,
    @CurrentUser() caller: Principal,
  ): Promise<DemandFullView> {
    return this.demands.returnForChanges(id, body.reasons, { principal: caller });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('enterprise', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw a need before any award (owner or admin)' })
  @ApiOkResponse({ type: DemandFullView })
  withdraw(
    @Param('id', uuidParam()) id: string,
    @Body() body: WithdrawDemandDto,
    @CurrentUser() caller: Principal,
  ): Promise<DemandFullView> {
    return this.demands.withdraw(id, body.reason, { principal: caller });
  }

  @Get(':id/history')
  @Roles('enterprise', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The audit trail of a need: who moved it, when, from, to and why' })
  @ApiOkResponse({ type: [TransitionView] })
  history(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<TransitionView[]> {
    return this.demands.history(id, caller);
  }
}
