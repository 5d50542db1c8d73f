import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, IfMatchVersion, type Page, Public, Roles, uuidParam } from '@jiebang/platform';
import type { FastifyReply } from 'fastify';
import {
  AuditEntryView,
  BidCountQuery,
  BidCountView,
  BidPage,
  BidQuery,
  BidView,
  CreateBidDto,
  UpdateBidDto,
} from './bid.dto';
import { BidsService } from './bids.service';

@ApiTags('bids')
@Controller('api/v1/demands')
export class DemandBidsController {
  constructor(private readonly bids: BidsService) {}

  @Post(':id/bids')
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bid on a published need before its deadline (submit: false keeps a draft)' })
  @ApiCreatedResponse({ type: BidView })
  create(
    @Param('id', uuidParam()) demandId: string,
    @Body() body: CreateBidDto,
    @CurrentUser() caller: Principal,
  ): Promise<BidView> {
    return this.bids.create(demandId, body, { principal: caller });
  }

  @Get(':id/bids')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Bids on a need: all lodged bids for its owner, advisor, reviewers and admin; a team sees its own',
  })
  @ApiOkResponse({ type: [BidView] })
  list(@Param('id', uuidParam()) demandId: string, @CurrentUser() caller: Principal): Promise<BidView[]> {
    return this.bids.listForDemand(demandId, caller);
  }

  @Get(':id/bids/history')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The audit trail of bids, scores, the award and milestones on a need (the need’s side)' })
  @ApiOkResponse({ type: [AuditEntryView] })
  history(@Param('id', uuidParam()) demandId: string, @CurrentUser() caller: Principal): Promise<AuditEntryView[]> {
    return this.bids.history(demandId, caller);
  }

  @Get(':id/bids/count')
  @Public()
  @ApiOperation({ summary: 'How many bids a published need has (not whose)' })
  @ApiOkResponse({ type: BidCountView })
  count(@Param('id', uuidParam()) demandId: string): Promise<BidCountView> {
    return this.bids.count(demandId);
  }
}

@ApiTags('bids')
@Controller('api/v1/bids')
export class BidsController {
  constructor(private readonly bids: BidsService) {}

  @Get('mine')
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: "My team's bids with their status and feedback" })
  @ApiOkResponse({ type: BidPage })
  mine(@Query() query: BidQuery, @CurrentUser() caller: Principal): Promise<Page<BidView>> {
    return this.bids.mine(query, caller);
  }

  @Get('counts')
  @Public()
  @ApiOperation({ summary: 'How many bids each of several published needs has (not whose); others are left out' })
  @ApiOkResponse({ type: [BidCountView] })
  counts(@Query() query: BidCountQuery): Promise<BidCountView[]> {
    return this.bids.counts(query.demandIds);
  }

  @Get(':id')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A bid: visible to its team, the need’s owner, advisor, reviewers and admin; 404 to others',
  })
  @ApiOkResponse({ type: BidView })
  async get(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() caller: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<BidView> {
    const view = await this.bids.get(id, caller);
    void response.header('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
  @Roles('team')
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag (version) last read, e.g. "2"' })
  @ApiOperation({ summary: 'Edit a draft or submitted bid until the deadline' })
  @ApiOkResponse({ type: BidView })
  update(
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateBidDto,
    @IfMatchVersion() version: number,
    @CurrentUser() caller: Principal,
  ): Promise<BidView> {
    return this.bids.update(id, body, version, { principal: caller });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Submit a draft bid before the deadline' })
  @ApiOkResponse({ type: BidView })
  submit(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<BidView> {
    return this.bids.submit(id, { principal: caller });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw a bid before the award decision' })
  @ApiOkResponse({ type: BidView })
  withdraw(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<BidView> {
    return this.bids.withdraw(id, { principal: caller });
  }
}
