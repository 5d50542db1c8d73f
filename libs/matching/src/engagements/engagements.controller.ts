import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, type Page, Roles, uuidParam } from '@jiebang/platform';
import {
  EngagementPage,
  EngagementQuery,
  EngagementView,
  RejectMilestoneDto,
  SubmitMilestoneDto,
} from './engagement.dto';
import { EngagementsService } from './engagements.service';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('api/v1/engagements')
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Get()
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({
    summary: 'Engagements I take part in (team: mine; enterprise: on my needs; advisor: my enterprises; admin: all)',
  })
  @ApiOkResponse({ type: EngagementPage })
  list(@Query() query: EngagementQuery, @CurrentUser() caller: Principal): Promise<Page<EngagementView>> {
    return this.engagements.list(query, caller);
  }

  @Get(':id')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: 'An engagement with its milestones' })
  @ApiOkResponse({ type: EngagementView })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<EngagementView> {
    return this.engagements.get(id, caller);
  }

  @Post(':id/milestones/:milestoneId/submit')
  @HttpCode(200)
  @Roles('team')
  @ApiOperation({ summary: 'Submit a milestone with its deliverables (the winning team; in order)' })
  @ApiOkResponse({ type: EngagementView })
  submit(
    @Param('id', uuidParam()) id: string,
    @Param('milestoneId', uuidParam('milestoneId')) milestoneId: string,
    @Body() body: SubmitMilestoneDto,
    @CurrentUser() caller: Principal,
  ): Promise<EngagementView> {
    return this.engagements.submitMilestone(id, milestoneId, body, { principal: caller });
  }

  @Post(':id/milestones/:milestoneId/accept')
  @HttpCode(200)
  @Roles('enterprise', 'admin')
  @ApiOperation({ summary: 'Accept a submitted milestone; the last one completes the engagement' })
  @ApiOkResponse({ type: EngagementView })
  accept(
    @Param('id', uuidParam()) id: string,
    @Param('milestoneId', uuidParam('milestoneId')) milestoneId: string,
    @CurrentUser() caller: Principal,
  ): Promise<EngagementView> {
    return this.engagements.acceptMilestone(id, milestoneId, { principal: caller });
  }

  @Post(':id/milestones/:milestoneId/reject')
  @HttpCode(200)
  @Roles('enterprise', 'admin')
  @ApiOperation({ summary: 'Reject a submitted milestone with reasons; the team resubmits' })
  @ApiOkResponse({ type: EngagementView })
  reject(
    @Param('id', uuidParam()) id: string,
    @Param('milestoneId', uuidParam('milestoneId')) milestoneId: string,
    @Body() body: RejectMilestoneDto,
    @CurrentUser() caller: Principal,
  ): Promise<EngagementView> {
    return this.engagements.rejectMilestone(id, milestoneId, body, { principal: caller });
  }
}
