import { randomBytes } from 'node:crypto';
import type supertest from 'supertest';
import { approved, publishedBatch } from './demand-factories';
import { eventually } from './eventually';
import type { Account } from './factories';

type Http = ReturnType<typeof supertest>;

/** A valid proposal answering the indicators of `aDemand()` (磁能积, 内禀矫顽力); override what the test is about. */
export function aProposal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    approach: `采用双合金晶界扩散与低氧烧结相结合的技术路线，先中试后量产，确保磁性能与一致性（方案${randomBytes(2).toString('hex')}）。`,
    indicatorResponses: [
      { indicator: '磁能积', response: '实验室样品实测 52 MGOe，中试目标 ≥50 MGOe' },
      { indicator: '内禀矫顽力', response: '晶界扩散后 ≥26 kOe' },
    ],
    milestones: [
      { title: '完成工艺方案设计', dueDate: '2027-03-31', paymentShare: 30 },
      { title: '中试线样品验证', dueDate: '2027-09-30', paymentShare: 70 },
    ],
    budget: 260,
    durationMonths: 12,
    members: [{ name: '王建华', title: '研究员', role: '项目负责人' }],
    ...overrides,
  };
}

export interface OpenNeed {
  id: string;
}

/**
 * A need approved, published in a batch and known to matching (its listing arrived through
 * demand's events), ready for bids.
 */
export async function openNeed(
  http: Http,
  owner: Account,
  admin: Account,
  overrides: Record<string, unknown> = {},
  batch: Record<string, unknown> = {},
): Promise<OpenNeed> {
  const demand = await approved(http, owner, admin, overrides);
  await publishedBatch(http, admin, [demand.id], batch);
  await eventually(async () => {
    const response = await http.get(`/api/v1/demands/${demand.id}/bids/count`);
    if (response.status !== 200) throw new Error(`listing not there yet (${response.status})`);
  });
  return { id: demand.id };
}

export interface BidRef {
  id: string;
  status: string;
  version: number;
}

export async function bidOn(
  http: Http,
  team: Account,
  demandId: string,
  overrides: Record<string, unknown> = {},
): Promise<BidRef> {
  const response = await http.post(`/api/v1/demands/${demandId}/bids`).set(team.bearer).send(aProposal(overrides));
  if (response.status !== 201) throw new Error(`bid refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as BidRef;
}

/** An advisor account created by the office and assigned to serve `organisationIds`, signed in. */
export async function anAdvisor(http: Http, admin: Account, organisationIds: string[]): Promise<Account> {
  const email = `advisor-${randomBytes(4).toString('hex')}@example.cn`;
  const password = 'advisor-password-1';
  const user = await http
    .post('/api/v1/users')
    .set(admin.bearer)
    .send({ email, password, displayName: '科技顾问', role: 'advisor' })
    .expect(201);
  await http
    .put(`/api/v1/advisors/${(user.body as { id: string }).id}/organisations`)
    .set(admin.bearer)
    .send({ organisationIds })
    .expect(200);
  const login = await http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  const body = login.body as { accessToken: string; refreshToken: string; user: { id: string } };
  return {
    id: body.user.id,
    email,
    password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    organisationId: null,
    joinCode: null,
    bearer: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** Awards `winners` and gives every other submitted bid the same feedback. */
export async function awarded(
  http: Http,
  owner: Account,
  demandId: string,
  winners: string[],
  losers: string[],
): Promise<{ engagementIds: string[] }> {
  const response = await http
    .post(`/api/v1/demands/${demandId}/award`)
    .set(owner.bearer)
    .send({
      winnerBidIds: winners,
      feedback: losers.map((bidId) => ({ bidId, category: 'cost', text: '经费报价高于同类方案，建议优化预算结构。' })),
    });
  if (response.status !== 200) throw new Error(`award refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { engagementIds: string[] };
}
