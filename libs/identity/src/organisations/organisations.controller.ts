import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, type Page, Public, Roles, uuidParam } from '@jiebang/platform';
import { OrganisationMemberView, OrganisationPage, OrganisationQuery, OrganisationView } from './organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Search organisations (admin only)' })
  @ApiOkResponse({ type: OrganisationPage })
  search(@Query() query: OrganisationQuery): Promise<Page<OrganisationMemberView>> {
    return this.organisations.search(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An organisation; members and admin also get its join code' })
  @ApiOkResponse({ type: OrganisationMemberView })
  get(@Param('id', uuidParam()) id: string, @CurrentUser('optional') caller?: Principal): Promise<OrganisationView> {
    return this.organisations.get(id, caller);
  }
}
