import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, FileUpload, Roles } from '@jiebang/platform';
import { DemandImportService, type UploadedSheet } from './demand-import.service';

class ImportResult {
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) demandIds!: string[];
}

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

@ApiTags('demands')
@ApiBearerAuth()
@Controller('api/v1/demands/import')
export class DemandImportController {
  constructor(private readonly imports: DemandImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(FileUpload('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary: 'Import needs from an XLSX or CSV sheet (admin): all rows or none; they await review as submitted',
  })
  @ApiOkResponse({ type: ImportResult })
  @ApiUnprocessableEntityResponse({
    description: 'Row-level problems, e.g. errors[].field = "rows[3].bountyMax"; nothing imported',
  })
  import(@UploadedFile() file: UploadedSheet | undefined, @CurrentUser() caller: Principal): Promise<ImportResult> {
    return this.imports.import(file, { principal: caller });
  }
}
