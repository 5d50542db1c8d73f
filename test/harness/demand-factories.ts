import { randomBytes } from 'node:crypto';
import type supertest from 'supertest';
import type { Account } from './factories';

type Http = ReturnType<typeof supertest>;

/** A valid need; override what the test is about. */
export function aDemand(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = randomBytes(3).toString('hex');
  return {
    title: `高性能烧结钕铁硼永磁体晶界扩散技术攻关${id}`,
    summary: '面向新能源汽车驱动电机，开发低重稀土高矫顽力烧结钕铁硼磁体的晶界扩散工艺。',
    background: '企业现有产线矫顽力偏低，高温退磁风险大，重稀土用量高导致成本居高不下。',
    indicators: [
      { name: '磁能积', target: '≥50', unit: 'MGOe' },
      { name: '内禀矫顽力', target: '≥25', unit: 'kOe' },
    ],
    outcomeForm: 'process',
    industry: 'advanced_materials',
    keywords: ['钕铁硼', '晶界扩散', '重稀土'],
    district: 'high_tech_zone',
    bountyMin: 200,
    bountyMax: 300,
    cooperationMode: 'joint_rd',
    awardMode: 'single',
    awardLeads: 1,
    confidentialDetails: `内部工艺参数：烧结温度1060℃，当前良率82%（机密${id}）`,
    contactName: '张工',
    contactPhone: '0816-2345678',
    ...overrides,
  };
}

export interface DemandRef {
  id: string;
  version: number;
  code: string | null;
  status: string;
  confidentialDetails: string;
}

export async function drafted(http: Http, owner: Account, overrides: Record<string, unknown> = {}): Promise<DemandRef> {
  const response = await http.post('/api/v1/demands').set(owner.bearer).send(aDemand(overrides)).expect(201);
  return response.body as DemandRef;
}

/** A need walked to `approved`: drafted by `owner`, submitted, approved by `admin`. */
export async function approved(
  http: Http,
  owner: Account,
  admin: Account,
  overrides: Record<string, unknown> = {},
): Promise<DemandRef> {
  const demand = await drafted(http, owner, overrides);
  await http.post(`/api/v1/demands/${demand.id}/submit`).set(owner.bearer).expect(200);
  const response = await http.post(`/api/v1/demands/${demand.id}/approve`).set(admin.bearer).expect(200);
  return response.body as DemandRef;
}

export function aBatch(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `2026年测试批关键核心技术需求榜单${randomBytes(3).toString('hex')}`,
    releaseDate: '2026-11-28',
    venue: '中国（绵阳）科技城科技会展中心',
    defaultBidDeadline: new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString(),
    ...overrides,
  };
}

/** Creates a batch holding `demandIds` and publishes it. */
export async function publishedBatch(
  http: Http,
  admin: Account,
  demandIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const batch = (await http.post('/api/v1/batches').set(admin.bearer).send(aBatch(overrides)).expect(201)).body as {
    id: string;
  };
  await http.post(`/api/v1/batches/${batch.id}/demands`).set(admin.bearer).send({ demandIds }).expect(200);
  await http.post(`/api/v1/batches/${batch.id}/publish`).set(admin.bearer).expect(200);
  return batch;
}
