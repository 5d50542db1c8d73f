import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, uuidParam } from '@jiebang/platform';
import { SuggestionsService } from '../teams/suggestions.service';
import { DemandSuggestionView, SearchDemandsQuery, SearchPage, SuggestionView } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Public()
@Controller('api/v1/search')
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly suggestions: SuggestionsService,
  ) {}

  @Get('demands')
  @ApiOperation({
    summary: 'Full-text search of published needs with facets, filters, sort, highlights and pagination',
  })
  @ApiOkResponse({ type: SearchPage })
  demands(@Query() query: SearchDemandsQuery): Promise<SearchPage> {
    return this.search.searchDemands(query);
  }

  @Get('demands/:id/teams')
  @ApiOperation({ summary: 'Teams whose expertise fits a need, ranked, with the matched terms' })
  @ApiOkResponse({ type: [SuggestionView] })
  teamsForDemand(@Param('id', uuidParam()) id: string): Promise<SuggestionView[]> {
    return this.suggestions.teamsForDemand(id);
  }

  @Get('teams/:id/demands')
  @ApiOperation({ summary: 'Open needs that fit a team, ranked, with the matched terms' })
  @ApiOkResponse({ type: [DemandSuggestionView] })
  demandsForTeam(@Param('id', uuidParam()) id: string): Promise<DemandSuggestionView[]> {
    return this.suggestions.demandsForTeam(id);
  }
}
