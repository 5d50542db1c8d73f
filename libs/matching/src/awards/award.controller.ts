import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Roles, uuidParam } from '@jiebang/platform';
import { AwardDto, AwardView } from './award.dto';
import { AwardService } from './award.service';

@ApiTags('awards')
@Controller('api/v1/demands')
export class AwardController {
  constructor(private readonly awards: AwardService) {}

  @Post(':id/award')
  @HttpCode(200)
  @Roles('enterprise', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Award a need (挂帅): the winners, and feedback for every other bid; once per need' })
  @ApiOkResponse({ type: AwardView })
  award(
    @Param('id', uuidParam()) demandId: string,
    @Body() body: AwardDto,
    @CurrentUser() caller: Principal,
  ): Promise<AwardView> {
    return this.awards.award(demandId, body, { principal: caller });
  }
}
