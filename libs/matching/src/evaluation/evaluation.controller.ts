import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Roles, uuidParam } from '@jiebang/platform';
import {
  AssignReviewerDto,
  ReviewAssignmentView,
  ReviewerView,
  ScoreDto,
  ShortlistQuery,
  ShortlistView,
  WeightsDto,
} from './evaluation.dto';
import { EvaluationService } from './evaluation.service';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/v1')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Put('demands/:id/evaluations/weights')
  @Roles('enterprise', 'admin')
  @ApiOperation({ summary: 'Set the weights of the four criteria for a need (owner or admin; add up to 100)' })
  @ApiOkResponse({ type: WeightsDto })
  setWeights(
    @Param('id', uuidParam()) demandId: string,
    @Body() body: WeightsDto,
    @CurrentUser() caller: Principal,
  ): Promise<WeightsDto> {
    return this.evaluation.setWeights(demandId, body, { principal: caller });
  }

  @Post('demands/:id/evaluations/reviewers')
  @HttpCode(200)
  @Roles('enterprise', 'admin')
  @ApiOperation({
    summary: 'Invite a registered user (e.g. an outside expert), by e-mail or id, to score the bids of a need',
  })
  @ApiOkResponse({ type: ReviewerView })
  assignReviewer(
    @Param('id', uuidParam()) demandId: string,
    @Body() body: AssignReviewerDto,
    @CurrentUser() caller: Principal,
  ): Promise<ReviewerView> {
    return this.evaluation.assignReviewer(demandId, body, { principal: caller });
  }

  @Get('demands/:id/evaluations/reviewers')
  @Roles('enterprise', 'admin')
  @ApiOperation({ summary: 'The reviewers of a need and how many bids each has scored (owner or admin)' })
  @ApiOkResponse({ type: [ReviewerView] })
  reviewers(@Param('id', uuidParam()) demandId: string, @CurrentUser() caller: Principal): Promise<ReviewerView[]> {
    return this.evaluation.reviewers(demandId, caller);
  }

  @Delete('demands/:id/evaluations/reviewers/:userId')
  @HttpCode(204)
  @Roles('enterprise', 'admin')
  @ApiOperation({ summary: 'Withdraw a reviewer who has not scored yet (owner or admin)' })
  removeReviewer(
    @Param('id', uuidParam()) demandId: string,
    @Param('userId', uuidParam()) userId: string,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    return this.evaluation.removeReviewer(demandId, userId, { principal: caller });
  }

  @Get('evaluations/assigned')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: 'The needs the caller was invited to review, with the bids lodged and scored' })
  @ApiOkResponse({ type: [ReviewAssignmentView] })
  assignments(@CurrentUser() caller: Principal): Promise<ReviewAssignmentView[]> {
    return this.evaluation.assignments(caller);
  }

  @Put('bids/:id/score')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({
    summary:
      'Score a bid 0–100 on each criterion (owner, assigned reviewers, admin; never your own organisation’s bid)',
  })
  @ApiOkResponse({ type: ShortlistView })
  score(
    @Param('id', uuidParam()) bidId: string,
    @Body() body: ScoreDto,
    @CurrentUser() caller: Principal,
  ): Promise<ShortlistView> {
    return this.evaluation.score(bidId, body, { principal: caller });
  }

  @Get('demands/:id/shortlist')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: 'The bids of a need ranked by weighted mean score' })
  @ApiOkResponse({ type: ShortlistView })
  shortlist(
    @Param('id', uuidParam()) demandId: string,
    @Query() query: ShortlistQuery,
    @CurrentUser() caller: Principal,
  ): Promise<ShortlistView> {
    return this.evaluation.shortlist(demandId, caller, query.limit);
  }
}
