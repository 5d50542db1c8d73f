import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import type { DemandPublicView } from '../demands/demand.dto';
import type { BatchDetailView } from './batch.dto';
import { EXPORT_HEADER, exportRow, printableSheet } from '../spreadsheets/demand-sheet';
import { SHEET_CONTENT_TYPES, type SheetFormat, writeSheet } from '../spreadsheets/spreadsheet-io';
import { BatchesService } from './batches.service';

@Injectable()
export class BatchExportService {
  constructor(private readonly batches: BatchesService) {}

  /**
   * The 榜单, needs in code order: XLSX to print (a title row, an indicator per column), CSV to
   * exchange (the import's columns, indicators in one cell).
   */
  async export(
    id: string,
    format: SheetFormat,
    caller: Principal | undefined,
  ): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const batch = JSON.parse(await this.batches.get(id, caller)) as BatchDetailView;
    const demands = [...batch.demands].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
    const body =
      format === 'xlsx'
        ? await this.printable(batch.title, `${batch.title}（${batch.releaseDate} · ${batch.venue}）`, demands)
        : await writeSheet(batch.title, EXPORT_HEADER, demands.map(exportRow), format);
    return { body, contentType: SHEET_CONTENT_TYPES[format], filename: `${batch.title}.${format}` };
  }

  private printable(title: string, heading: string, demands: DemandPublicView[]): Promise<Buffer> {
    const { header, rows } = printableSheet(demands);
    return writeSheet(title, header, rows, 'xlsx', heading);
  }
}
