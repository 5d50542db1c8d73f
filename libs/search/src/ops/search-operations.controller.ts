import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@jiebang/platform';
import { ConsistencyReport, ReindexReport } from './search-operations.dto';
import { SearchOperations } from './search-operations.service';

@ApiTags('search')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/search')
export class SearchOperationsController {
  constructor(private readonly operations: SearchOperations) {}

  @Post('reindex')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rebuild the need index from PostgreSQL into a new index and swap it in (admin)' })
  @ApiOkResponse({ type: ReindexReport })
  reindex(): Promise<ReindexReport> {
    return this.operations.reindex('demand');
  }

  @Post('consistency')
  @HttpCode(200)
  @ApiOperation({ summary: 'Compare PostgreSQL and the index (count, ids, versions) and repair drift (admin)' })
  @ApiOkResponse({ type: ConsistencyReport })
  consistency(): Promise<ConsistencyReport> {
    return this.operations.checkConsistency('demand');
  }
}
