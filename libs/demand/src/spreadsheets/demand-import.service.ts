import { Injectable } from '@nestjs/common';
import { DEMAND_TRANSITIONS } from '@jiebang/contracts';
import { flattenValidationErrors, type FieldError, Transactions } from '@jiebang/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { TransitionRepository } from '../audit/transition.repository';
import { demandError } from '../demand.errors';
import { DirectoryRepository } from '../directory/directory.repository';
import { DemandFieldsDto } from '../demands/demand.dto';
import { consistencyErrors } from '../demands/demand-rules';
import { DemandRepository } from '../demands/demand.repository';
import type { UserActor } from '../demands/demands.service';
import { IMPORT_COLUMNS, parseRows } from './demand-sheet';
import { xlsxLimitBreach } from './sheet-limits';
import { READER_HEAP_MB, readSheet, SheetReadError, sheetFormatOf } from './spreadsheet-io';

export interface UploadedSheet {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

const MAX_ROWS = 2000;
/** Far above a full sheet of MAX_ROWS needs (a few MB of XML), far below what would hurt the server. */
const MAX_INFLATED_BYTES = 50 * 1024 * 1024;
const MAX_REPORTED = 200;

/**
 * Imports needs the programme office received from districts: every row is validated like an
 * API request and the import is all-or-nothing. Imported needs wait for review as `submitted`.
 */
@Injectable()
export class DemandImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly demands: DemandRepository,
    private readonly transitions: TransitionRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  async import(file: UploadedSheet | undefined, actor: UserActor): Promise<{ imported: number; demandIds: string[] }> {
    if (!file)
      throw demandError('IMPORT_FILE_MISSING', 'Upload the spreadsheet as the multipart field "file".', {
        errors: [{ field: 'file', message: 'required' }],
      });
    const format = sheetFormatOf(file);
    if (!format)
      throw demandError('IMPORT_FORMAT_UNSUPPORTED', 'Upload an .xlsx or .csv file.', {
        errors: [{ field: 'file', message: 'not xlsx or csv' }],
      });
    if (format === 'xlsx') await this.refuseOverLimits(file.buffer);
    let cells: string[][];
    try {
      cells = await readSheet(file.buffer, format);
    } catch (error) {
      if (error instanceof SheetReadError && error.reason === 'memory')
        throw demandError('IMPORT_TOO_LARGE', `The sheet needs more than ${READER_HEAP_MB} MB to read.`, {
          errors: [{ field: 'file', message: `needs more than ${READER_HEAP_MB} MB to read` }],
        });
      throw demandError('IMPORT_INVALID', 'The file could not be read as a spreadsheet.', {
        errors: [{ field: 'file', message: `not a readable ${format} file` }],
      });
    }
    const [header = [], ...body] = cells;
    if (body.length === 0)
      throw demandError('IMPORT_INVALID', 'The sheet has no rows below its header.', {
        errors: [{ field: 'file', message: 'no rows' }],
      });
    if (body.length > MAX_ROWS) throw tooManyRows();
    const { rows, missingColumns } = parseRows(header, body);
    if (missingColumns.length > 0) {
      throw demandError(
        'IMPORT_INVALID',
        `Missing columns: ${missingColumns.join('、')}. Use the template's headers.`,
        {
          errors: missingColumns.map((column) => ({ field: `columns.${column}`, message: 'missing column' })),
        },
      );
    }

    const errors: FieldError[] = [];
    const valid: Array<{ row: number; organisation: string; fields: DemandFieldsDto }> = [];
    for (const { row, values, missing } of rows) {
      const prefix = `rows[${row}].`;
      const { organisation, ...rest } = values;
      const fields = plainToInstance(DemandFieldsDto, rest);
      const rowErrors = [
        ...missing.map((field) => ({
          field: `${prefix}${field}`,
          code: 'required',
          message: `${IMPORT_COLUMNS.find((c) => c.field === field)!.header} is required`,
        })),
        // An empty required cell is reported once, as required.
        ...flattenValidationErrors(await validate(fields, { forbidUnknownValues: true }))
          .filter((e) => !missing.includes(e.field))
          .map((e) => ({ ...e, field: `${prefix}${e.field}` })),
      ];
      if (rowErrors.length === 0) rowErrors.push(...consistencyErrors(fields, prefix));
      errors.push(...rowErrors);
      if (rowErrors.length === 0) valid.push({ row, organisation: organisation as string, fields });
    }

    return this.transactions.run(async (manager) => {
      const owners = await this.directory.organisationsByName([...new Set(valid.map((v) => v.organisation))], manager);
      for (const { row, organisation } of valid) {
        const owner = owners.get(organisation);
        if (!owner)
          errors.push({
            field: `rows[${row}].organisation`,
            code: 'unknown',
            message: `企业名称 “${organisation}” is not a registered organisation`,
          });
        else if (owner.kind !== 'enterprise' && owner.kind !== 'company')
          errors.push({
            field: `rows[${row}].organisation`,
            code: 'kind',
            message: `${organisation} is not an enterprise`,
          });
      }
      if (errors.length > 0) {
        throw demandError('IMPORT_INVALID', `${errors.length} problem(s) in the sheet; nothing was imported.`, {
          errors: errors.sort((a, b) => rowOf(a) - rowOf(b)).slice(0, MAX_REPORTED),
          extensions: { problemCount: errors.length },
        });
      }
      const at = await this.transactions.clock(manager);
      const demandIds: string[] = [];
      for (const { organisation, fields } of valid) {
        const { bidDeadline, ...rest } = fields;
        const demand = await this.demands.insert(
          {
            ...rest,
            bidDeadline: bidDeadline ? new Date(bidDeadline) : null,
            confidentialDetails: rest.confidentialDetails ?? '',
            contactEmail: rest.contactEmail ?? null,
            ownerOrganisationId: owners.get(organisation)!.id,
            advisorId: null,
            createdBy: actor.principal.userId,
            status: DEMAND_TRANSITIONS.import.to,
            submittedAt: at,
            createdAt: at,
            updatedAt: at,
          },
          manager,
        );
        demandIds.push(demand.id);
      }
      await this.transitions.record(
        demandIds.map((demandId) => ({
          demandId,
          action: 'import',
          from: null,
          to: DEMAND_TRANSITIONS.import.to,
          actor: actor.principal,
          at,
        })),
        manager,
      );
      return { imported: demandIds.length, demandIds };
    });
  }

  /** Refuses a zip bomb or an oversized sheet before anything parses it. */
  private async refuseOverLimits(buffer: Buffer): Promise<void> {
    let breach;
    try {
      // +1: the header row.
      breach = await xlsxLimitBreach(buffer, { maxInflatedBytes: MAX_INFLATED_BYTES, maxRows: MAX_ROWS + 1 });
    } catch {
      throw demandError('IMPORT_INVALID', 'The file could not be read as a spreadsheet.', {
        errors: [{ field: 'file', message: 'not a readable xlsx file' }],
      });
    }
    if (breach?.limit === 'rows') throw tooManyRows();
    if (breach?.limit === 'inflatedBytes') {
      const mib = MAX_INFLATED_BYTES / 1024 / 1024;
      throw demandError('IMPORT_TOO_LARGE', `The sheet unpacks to more than ${mib} MiB.`, {
        errors: [{ field: 'file', message: `unpacks to more than ${mib} MiB` }],
      });
    }
  }
}

function rowOf(error: FieldError): number {
  return Number(/^rows\[(\d+)\]/.exec(error.field)?.[1] ?? 0);
}

function tooManyRows() {
  return demandError('IMPORT_INVALID', `At most ${MAX_ROWS} rows per import.`, {
    errors: [{ field: 'file', message: `more than ${MAX_ROWS} rows` }],
  });
}
