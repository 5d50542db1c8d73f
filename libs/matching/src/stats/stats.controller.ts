import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { attachment, CurrentUser, Roles } from '@jiebang/platform';
import { BreakdownQuery, BreakdownRowView, FunnelView, StatsExportQuery, StatsQuery } from './stats.dto';
import { StatsService } from './stats.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('funnel')
  @Roles('advisor', 'admin')
  @ApiOperation({
    summary: 'The funnel: collected → published → bid on → matched → awarded → converted, with contract value',
  })
  @ApiOkResponse({ type: FunnelView })
  funnel(@Query() query: StatsQuery, @CurrentUser() caller: Principal): Promise<FunnelView> {
    return this.stats.funnel(query, caller);
  }

  @Get('breakdown')
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: 'The figures by industry, district or month' })
  @ApiOkResponse({ type: [BreakdownRowView] })
  breakdown(@Query() query: BreakdownQuery, @CurrentUser() caller: Principal): Promise<BreakdownRowView[]> {
    return this.stats.breakdown(query, caller);
  }

  @Get('export')
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: 'The funnel and the breakdown by industry as CSV or XLSX' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() query: StatsExportQuery, @CurrentUser() caller: Principal): Promise<StreamableFile> {
    return attachment(await this.stats.export(query, caller));
  }
}
