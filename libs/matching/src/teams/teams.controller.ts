import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, type Page, Public, Roles, uuidParam } from '@jiebang/platform';
import { AchievementDto, TeamProfileDto, TeamProfilePage, TeamProfileView, TeamQuery } from './team-profile.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('api/v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Visible research team profiles' })
  @ApiOkResponse({ type: TeamProfilePage })
  list(@Query() query: TeamQuery): Promise<Page<TeamProfileView>> {
    return this.teams.list(query);
  }

  @Get('me')
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: "My team's profile" })
  @ApiOkResponse({ type: TeamProfileView })
  mine(@CurrentUser() caller: Principal): Promise<TeamProfileView> {
    return this.teams.mine(caller);
  }

  @Put('me')
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Create or replace my team's profile (published to search)" })
  @ApiOkResponse({ type: TeamProfileView })
  save(@Body() body: TeamProfileDto, @CurrentUser() caller: Principal): Promise<TeamProfileView> {
    return this.teams.save(body, { principal: caller });
  }

  @Post('me/achievements')
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add an achievement (科技成果) to my team’s profile' })
  @ApiCreatedResponse({ type: TeamProfileView })
  addAchievement(@Body() body: AchievementDto, @CurrentUser() caller: Principal): Promise<TeamProfileView> {
    return this.teams.addAchievement(body, { principal: caller });
  }

  @Delete('me/achievements/:achievementId')
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove an achievement no matchmaking or conversion points at' })
  @ApiOkResponse({ type: TeamProfileView })
  removeAchievement(
    @Param('achievementId', uuidParam('achievementId')) id: string,
    @CurrentUser() caller: Principal,
  ): Promise<TeamProfileView> {
    return this.teams.removeAchievement(id, { principal: caller });
  }

  @Get(':organisationId')
  @Public()
  @ApiOperation({ summary: 'A team profile (hidden ones only to their own team)' })
  @ApiOkResponse({ type: TeamProfileView })
  get(
    @Param('organisationId', uuidParam('organisationId')) organisationId: string,
    @CurrentUser('optional') caller: Principal | undefined,
  ): Promise<TeamProfileView> {
    return this.teams.get(organisationId, caller);
  }
}
