import { Body, Controller, Get, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { attachment, CurrentUser, IfMatchVersion, type Page, Roles, uuidParam } from '@jiebang/platform';
import {
  ConversionDto,
  ConversionPage,
  ConversionView,
  MatchmakingDto,
  MatchmakingPage,
  MatchmakingView,
  RecordExportQuery,
  RecordQuery,
} from './advisor-records.dto';
import { AdvisorRecordsService } from './advisor-records.service';

@ApiTags('advisor records')
@ApiBearerAuth()
@Controller('api/v1')
export class AdvisorRecordsController {
  constructor(private readonly records: AdvisorRecordsService) {}

  @Post('matchmakings')
  @Roles('advisor')
  @ApiOperation({
    summary: 'Record a matchmaking (对接): a need or achievement with a team, how and with what outcome',
  })
  @ApiCreatedResponse({ type: MatchmakingView })
  recordMatchmaking(@Body() body: MatchmakingDto, @CurrentUser() caller: Principal): Promise<MatchmakingView> {
    return this.records.recordMatchmaking(body, { principal: caller });
  }

  @Put('matchmakings/:id')
  @Roles('advisor')
  @ApiOperation({ summary: 'Correct a matchmaking: the advisor who recorded it, from the version last read' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The record’s version last read, e.g. "1"' })
  @ApiOkResponse({ type: MatchmakingView })
  editMatchmaking(
    @Param('id', uuidParam()) id: string,
    @Body() body: MatchmakingDto,
    @IfMatchVersion() version: number,
    @CurrentUser() caller: Principal,
  ): Promise<MatchmakingView> {
    return this.records.editMatchmaking(id, body, version, { principal: caller });
  }

  @Get('matchmakings')
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: 'Matchmakings: an advisor’s own, or all for admin' })
  @ApiOkResponse({ type: MatchmakingPage })
  matchmakings(@Query() query: RecordQuery, @CurrentUser() caller: Principal): Promise<Page<MatchmakingView>> {
    return this.records.matchmakings(query, caller);
  }

  @Post('conversions')
  @Roles('advisor')
  @ApiOperation({ summary: 'Record a conversion (成果转化), with or without a bid behind it' })
  @ApiCreatedResponse({ type: ConversionView })
  recordConversion(@Body() body: ConversionDto, @CurrentUser() caller: Principal): Promise<ConversionView> {
    return this.records.recordConversion(body, { principal: caller });
  }

  @Put('conversions/:id')
  @Roles('advisor')
  @ApiOperation({ summary: 'Correct a conversion: the advisor who recorded it, from the version last read' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The record’s version last read, e.g. "1"' })
  @ApiOkResponse({ type: ConversionView })
  editConversion(
    @Param('id', uuidParam()) id: string,
    @Body() body: ConversionDto,
    @IfMatchVersion() version: number,
    @CurrentUser() caller: Principal,
  ): Promise<ConversionView> {
    return this.records.editConversion(id, body, version, { principal: caller });
  }

  @Get('advisor-records/export')
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: 'Matchmakings and conversions of the query (its page ignored) as one XLSX workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() query: RecordExportQuery, @CurrentUser() caller: Principal): Promise<StreamableFile> {
    return attachment(await this.records.export(query, caller));
  }

  @Get('conversions')
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: 'Conversions: an advisor’s own, or all for admin' })
  @ApiOkResponse({ type: ConversionPage })
  conversions(@Query() query: RecordQuery, @CurrentUser() caller: Principal): Promise<Page<ConversionView>> {
    return this.records.conversions(query, caller);
  }
}
