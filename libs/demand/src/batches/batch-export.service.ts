import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { EXPORT_HEADER, exportRow } from '../spreadsheets/demand-sheet';
import { SHEET_CONTENT_TYPES, type SheetFormat, writeSheet } from '../spreadsheets/spreadsheet-io';
import { BatchesService } from './batches.service';

@Injectable()
export class BatchExportService {
  constructor(private readonly batches: BatchesService) {}

  /** The printable 榜单, needs in code order. */
  async export(
    id: string,
    format: SheetFormat,
    caller: Principal | undefined,
  ): Promise<{ content: Buffer; contentType: string; filename: string }> {
    const batch = await this.batches.get(id, caller);
    const demands = [...batch.demands].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
    const content = await writeSheet(batch.title, EXPORT_HEADER, demands.map(exportRow), format);
    return { content, contentType: SHEET_CONTENT_TYPES[format], filename: `${batch.title}.${format}` };
  }
}
