import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { attachment, CurrentUser, type Page, Public, Roles, uuidParam } from '@jiebang/platform';
import {
  BatchDemandsDto,
  BatchDetailView,
  BatchPage,
  BatchQuery,
  BatchView,
  CreateBatchDto,
  ExportQuery,
} from './batch.dto';
import { BatchExportService } from './batch-export.service';
import { BatchesService } from './batches.service';

@ApiTags('batches')
@Controller('api/v1/batches')
export class BatchesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly exports: BatchExportService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a batch (榜单) for a release event (admin)' })
  @ApiCreatedResponse({ type: BatchView })
  create(@Body() body: CreateBatchDto, @CurrentUser() caller: Principal): Promise<BatchView> {
    return this.batches.create(body, { principal: caller });
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Published batches with their release events (admin also sees drafts)' })
  @ApiOkResponse({ type: BatchPage })
  list(@Query() query: BatchQuery, @CurrentUser('optional') caller?: Principal): Promise<Page<BatchView>> {
    return this.batches.list(query, caller);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A batch and its needs (public fields)' })
  @ApiOkResponse({ type: BatchDetailView })
  @Header('Content-Type', 'application/json; charset=utf-8')
  get(@Param('id', uuidParam()) id: string, @CurrentUser('optional') caller?: Principal): Promise<string> {
    return this.batches.get(id, caller);
  }

  @Post(':id/demands')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add approved needs to a draft batch (admin)' })
  @ApiOkResponse({ type: BatchView })
  add(@Param('id', uuidParam()) id: string, @Body() body: BatchDemandsDto): Promise<BatchView> {
    return this.batches.addDemands(id, body.demandIds);
  }

  @Delete(':id/demands/:demandId')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take a need out of a draft batch (admin)' })
  @ApiOkResponse({ type: BatchView })
  remove(
    @Param('id', uuidParam()) id: string,
    @Param('demandId', uuidParam('demandId')) demandId: string,
  ): Promise<BatchView> {
    return this.batches.removeDemand(id, demandId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publish the batch: all its needs become published at once, or none does (admin)' })
  @ApiOkResponse({ type: BatchView })
  publish(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<BatchView> {
    return this.batches.publish(id, { principal: caller });
  }

  @Get(':id/export')
  @Public()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOperation({ summary: 'The printable 榜单 of a batch as XLSX or CSV (public fields only)' })
  @ApiOkResponse({ description: 'The spreadsheet file' })
  async export(
    @Param('id', uuidParam()) id: string,
    @Query() query: ExportQuery,
    @CurrentUser('optional') caller: Principal | undefined,
  ): Promise<StreamableFile> {
    return attachment(await this.exports.export(id, query.format, caller));
  }
}
