import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { Transactions } from '@jiebang/platform';
import ExcelJS from 'exceljs';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { approved, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { startTestService, type TestService } from '../harness/test-app';
import { zipOf } from '../harness/zip';

const HEADER = [
  '企业名称',
  '需求名称',
  '需求概述',
  '需求背景',
  '技术指标',
  '成果形式',
  '所属产业',
  '关键词',
  '所在区县',
  '榜额下限（万元）',
  '榜额上限（万元）',
  '合作方式',
  '揭榜方式',
  '领衔团队数',
  '揭榜截止日期',
  '保密内容',
  '联系人',
  '联系电话',
];

function aRow(enterprise: string, overrides: Partial<Record<string, string | number>> = {}): Array<string | number> {
  const row: Record<string, string | number> = {
    企业名称: enterprise,
    需求名称: `北斗三号短报文通信模块低功耗设计${Math.random().toString(36).slice(2, 7)}`,
    需求概述: '面向野外监测终端，降低北斗三号短报文模块待机与发射功耗。',
    需求背景: '现有模块待机电流偏高，太阳能供电终端在阴雨天续航不足。',
    技术指标: '待机电流:≤50:μA；发射功耗:≤3:W；首次定位时间:≤30:s',
    成果形式: '新产品',
    所属产业: '北斗导航',
    关键词: '北斗三号、短报文、低功耗',
    所在区县: '游仙区',
    '榜额下限（万元）': 80,
    '榜额上限（万元）': 120,
    合作方式: '技术开发',
    揭榜方式: '揭榜挂帅',
    领衔团队数: 1,
    揭榜截止日期: '2027-03-31',
    保密内容: '现有方案采用的芯片型号与功耗测试数据',
    联系人: '王工',
    联系电话: '0816-6012345',
    ...overrides,
  };
  return HEADER.map((column) => row[column] ?? '');
}

async function sheet(rows: Array<Array<string | number>>, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('需求');
  worksheet.addRow(HEADER);
  worksheet.addRows(rows);
  return Buffer.from(format === 'xlsx' ? await workbook.xlsx.writeBuffer() : await workbook.csv.writeBuffer());
}

async function readBack(buffer: Buffer, format: 'xlsx' | 'csv'): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const worksheet =
    format === 'xlsx'
      ? (await workbook.xlsx.load(buffer as unknown as ArrayBuffer)).worksheets[0]
      : await workbook.csv.read(
          (await import('node:stream')).Readable.from(buffer.toString('utf8').replace(/^\uFEFF/, '')),
          { map: (v: string) => v },
        );
  const rows: string[][] = [];
  worksheet.eachRow((row) =>
    rows.push((row.values as Array<string | number | null>).slice(1).map((v) => String(v ?? ''))),
  );
  return rows;
}

describe('demand spreadsheets: import from districts, export the printable 榜单', () => {
  let service: TestService;
  let admin: Account;
  let owner: Account;
  let enterpriseName: string;
  const countNeeds = async () =>
    Number(
      (
        await service.app
          .get(Transactions)
          .manager.query<Array<{ n: string }>>('SELECT count(*) AS n FROM demand.demand')
      )[0].n,
    );

  beforeAll(async () => {
    service = await startTestService(marketplace);
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    enterpriseName = `绵阳导入测试电子有限公司${Date.now()}`;
    owner = await registered(service.http, {
      role: 'enterprise',
      organisation: { name: enterpriseName, kind: 'enterprise' },
    });
    // The import resolves names through demand's copy of identity's organisations.
    await eventually(async () =>
      expect(
        await service.app
          .get(Transactions)
          .manager.query('SELECT 1 FROM demand.organisation_directory WHERE id = $1', [owner.organisationId]),
      ).toHaveLength(1),
    );
  });

  afterAll(() => service.close());

  it.each(['xlsx', 'csv'] as const)('imports every row of a good %s sheet as submitted needs', async (format) => {
    const file = await sheet(
      [aRow(enterpriseName), aRow(enterpriseName, { 揭榜方式: '赛马制', 领衔团队数: 2, 联系电话: '13912345678' })],
      format,
    );
    const response = await service.http
      .post('/api/v1/demands/import')
      .set(admin.bearer)
      .attach('file', file, `needs.${format}`)
      .expect(200);
    expect(response.body.imported).toBe(2);
    const need = await service.http.get(`/api/v1/demands/${response.body.demandIds[1]}`).set(owner.bearer).expect(200);
    expect(need.body).toMatchObject({
      status: 'submitted',
      industry: 'beidou_navigation',
      district: 'youxian',
      cooperationMode: 'development',
      awardMode: 'parallel',
      awardLeads: 2,
      contactPhone: '13912345678',
      bidDeadline: '2027-03-31T15:59:59.000Z',
      indicators: [
        { name: '待机电流', target: '≤50', unit: 'μA' },
        { name: '发射功耗', target: '≤3', unit: 'W' },
        { name: '首次定位时间', target: '≤30', unit: 's' },
      ],
    });
  });

  it('imports nothing when one row is bad, naming each row and field', async () => {
    const before = await countNeeds();
    const file = await sheet(
      [
        aRow(enterpriseName),
        aRow(enterpriseName, { '榜额下限（万元）': 500, '榜额上限（万元）': 100 }),
        aRow('不存在的企业有限公司'),
        aRow(enterpriseName, { 所属产业: '钢铁', 需求名称: '' }),
      ],
      'csv',
    );
    const response = await service.http
      .post('/api/v1/demands/import')
      .set(admin.bearer)
      .attach('file', file, 'needs.csv')
      .expect(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'rows[3].bountyMax',
      'rows[4].organisation',
      'rows[5].title',
      'rows[5].industry',
    ]);
    expect(await countNeeds()).toBe(before);
  });

  it('refuses a missing file, another format, missing columns, and non-admins', async () => {
    await service.http.post('/api/v1/demands/import').set(admin.bearer).expect(400);
    await service.http
      .post('/api/v1/demands/import')
      .set(admin.bearer)
      .attach('file', Buffer.from('hello'), 'needs.txt')
      .expect(415);
    const noColumns = await service.http
      .post('/api/v1/demands/import')
      .set(admin.bearer)
      .attach('file', Buffer.from('需求名称\n测试\n'), 'needs.csv')
      .expect(422);
    expect(noColumns.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'columns.企业名称' })]),
    );
    const garbage = await service.http
      .post('/api/v1/demands/import')
      .set(admin.bearer)
      .attach('file', Buffer.from('not a zip'), 'needs.xlsx')
      .expect(422);
    expect(garbage.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    await service.http
      .post('/api/v1/demands/import')
      .set(owner.bearer)
      .attach('file', await sheet([aRow(enterpriseName)], 'csv'), 'needs.csv')
      .expect(403);
  });

  describe('hostile sheets', () => {
    /** How far RSS of this process (which serves the import) rises above its level before `work`. */
    async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      try {
        const result = await work();
        return { result, peakMb: Math.round((peak - before) / 1024 / 1024) };
      } finally {
        clearInterval(sampler);
      }
    }
    const upload = (file: Buffer, name = 'needs.xlsx') =>
      service.http.post('/api/v1/demands/import').set(admin.bearer).attach('file', file, name);
    const peaks: Record<string, number> = {};

    afterAll(() => console.log(`RSS rise while refusing hostile imports (MB): ${JSON.stringify(peaks)}`));

    it('refuses an xlsx that inflates past the limit before parsing it, naming the limit', async () => {
      // ~300 KB that inflates to 300 MB: shared strings of one repeated cell.
      const bomb = zipOf([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/sharedStrings.xml', data: Buffer.alloc(300 * 1024 * 1024, '<si><t>磁</t></si>') },
      ]);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const { result, peakMb } = await peakRss(() => upload(bomb));
      peaks.bomb = peakMb;
      expect(result.status).toBe(413);
      expect(result.body).toMatchObject({
        code: 'IMPORT_TOO_LARGE',
        errors: [{ field: 'file', message: 'unpacks to more than 50 MiB' }],
      });
    });

    it('refuses an entry that inflates past the size its headers declare', async () => {
      const liar = zipOf([
        { name: 'xl/sharedStrings.xml', data: Buffer.alloc(200 * 1024 * 1024, 'a'), declaredSize: 1024 },
      ]);
      const { result, peakMb } = await peakRss(() => upload(liar));
      peaks.lyingSizes = peakMb;
      expect(result.status).toBe(422);
      expect(result.body).toMatchObject({ code: 'IMPORT_INVALID', errors: [{ field: 'file' }] });
    });

    it('refuses more rows than an import takes before parsing the sheet', async () => {
      const rows = Array.from({ length: 2001 }, () => aRow(enterpriseName));
      const { result, peakMb } = await peakRss(async () => upload(await sheet(rows, 'xlsx')));
      peaks.rows = peakMb;
      expect(result.status).toBe(422);
      expect(result.body.errors).toEqual([{ field: 'file', message: 'more than 2000 rows' }]);
    });
  });

  it.each(['xlsx', 'csv'] as const)(
    'exports a published batch as a %s 榜单 that reads back to the same needs',
    async (format) => {
      const needs = await Promise.all([
        approved(service.http, owner, admin),
        approved(service.http, owner, admin, { bountyMin: 1500, bountyMax: 3000 }),
      ]);
      const batch = await publishedBatch(
        service.http,
        admin,
        needs.map((n) => n.id),
      );
      await eventually(async () => {
        const view = await service.http.get(`/api/v1/demands/${needs[0].id}`).expect(200);
        expect(view.body.owner.name).toBe(enterpriseName);
      });
      const response = await service.http
        .get(`/api/v1/batches/${batch.id}/export`)
        .query({ format })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-disposition']).toContain(`.${format}`);
      const lines = await readBack(response.body as Buffer, format);
      // The printable XLSX has a title row and an indicator per column; the CSV keeps the import's columns.
      const printable = format === 'xlsx';
      const [header, ...rows] = printable ? lines.slice(1) : lines;
      if (printable) {
        const { title } = (await service.http.get(`/api/v1/batches/${batch.id}`).expect(200)).body;
        expect(lines[0][0]).toContain(title);
      }
      const indicatorColumns = printable ? ['技术指标1', '技术指标2'] : ['技术指标'];
      expect(header).toEqual([
        '序号',
        '需求编号',
        '需求名称',
        '发布企业',
        '所属产业',
        '所在区县',
        '需求概述',
        ...indicatorColumns,
        '成果形式',
        '榜额（万元）',
        '合作方式',
        '揭榜方式',
        '揭榜截止日期',
      ]);
      const byCode = new Map(rows.map((row) => [row[1], row]));
      for (const need of needs) {
        const full = (await service.http.get(`/api/v1/demands/${need.id}`).set(owner.bearer).expect(200)).body;
        const row = byCode.get(full.code)!;
        expect(row.slice(2, 6)).toEqual([full.title, enterpriseName, '先进材料', '绵阳高新区（科技城直管区）']);
        expect(row.slice(7, 7 + indicatorColumns.length)).toEqual(
          printable ? ['磁能积 ≥50 MGOe', '内禀矫顽力 ≥25 kOe'] : ['磁能积:≥50:MGOe；内禀矫顽力:≥25:kOe'],
        );
        expect(row[8 + indicatorColumns.length]).toBe(`${full.bountyMin}-${full.bountyMax}`);
        expect(row.join('|')).not.toContain(full.confidentialDetails);
      }
      await service.http.get(`/api/v1/batches/${batch.id}/export`).query({ format: 'pdf' }).expect(400);
    },
  );
});
