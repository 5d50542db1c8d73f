import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Roles, uuidParam } from '@jiebang/platform';
import { AssignReviewerDto, ScoreDto, ShortlistQuery, ShortlistView, WeightsDto } from './evaluation.dto';
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
  @ApiOperation({ summary: 'Assign a reviewer (e.g. an external expert) to score the bids of a need' })
  assignReviewer(
    @Param('id', uuidParam()) demandId: string,
    @Body() body: AssignReviewerDto,
    @CurrentUser() caller: Principal,
  ): Promise<{ userId: string }> {
    return this.evaluation.assignReviewer(demandId, body, { principal: caller });
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
