import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Roles, uuidParam } from '@jiebang/platform';
import { AdvisorPortfolioView, AssignOrganisationsDto } from './advisor.dto';
import { AdvisorsService } from './advisors.service';

@ApiTags('advisors')
@ApiBearerAuth()
@Controller('api/v1/advisors')
export class AdvisorsController {
  constructor(private readonly advisors: AdvisorsService) {}

  @Put(':advisorId/organisations')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the enterprises an advisor serves (admin only)' })
  @ApiOkResponse({ type: AdvisorPortfolioView })
  assign(
    @Param('advisorId', uuidParam('advisorId')) advisorId: string,
    @Body() body: AssignOrganisationsDto,
    @CurrentUser() admin: Principal,
  ): Promise<AdvisorPortfolioView> {
    return this.advisors.assign(advisorId, body, admin);
  }

  @Get(':advisorId/organisations')
  @Roles('admin', 'advisor')
  @ApiOperation({ summary: 'The enterprises an advisor serves (the advisor or admin)' })
  @ApiOkResponse({ type: AdvisorPortfolioView })
  portfolio(
    @Param('advisorId', uuidParam('advisorId')) advisorId: string,
    @CurrentUser() caller: Principal,
  ): Promise<AdvisorPortfolioView> {
    return this.advisors.portfolio(advisorId, caller);
  }
}
