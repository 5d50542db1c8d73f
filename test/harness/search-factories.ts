import type { INestApplication } from '@nestjs/common';
import type { DemandPublicSnapshot, Principal } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { AccountSeeder } from '@jiebang/identity';
import { randomUUID } from 'node:crypto';
import { aBatch, aDemand } from './demand-factories';

export interface Office {
  admin: Principal;
  owner: Principal;
}

/** An admin and an enterprise, created directly (one password hash for both). */
export async function anOffice(app: INestApplication): Promise<Office> {
  const suffix = randomUUID().slice(0, 8);
  const accounts = await app.get(AccountSeeder).ensure(
    [
      { email: `office-${suffix}@example.cn`, displayName: '项目办', role: 'admin' },
      {
        email: `ent-${suffix}@example.cn`,
        displayName: '企业',
        role: 'enterprise',
        organisation: { name: `绵阳检索测试有限公司${suffix}`, kind: 'enterprise' },
      },
    ],
    'search-test-password',
  );
  return {
    admin: accounts.get(`office-${suffix}@example.cn`)!,
    owner: accounts.get(`ent-${suffix}@example.cn`)!,
  };
}

/** `count` needs drafted, submitted and approved through the demand services; returns their ids. */
export async function approvedNeeds(
  app: INestApplication,
  office: Office,
  count: number,
  overrides: (i: number) => Record<string, unknown> = () => ({}),
): Promise<string[]> {
  const demands = app.get(DemandsService);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const draft = await demands.create(aDemand(overrides(i)) as never, { principal: office.owner });
    await demands.submit(draft.id, { principal: office.owner });
    await demands.approve(draft.id, { principal: office.admin });
    ids.push(draft.id);
  }
  return ids;
}

/** Publishes the given approved needs in one new batch. */
export async function publish(app: INestApplication, office: Office, ids: string[]): Promise<string> {
  const batches = app.get(BatchesService);
  const batch = await batches.create(aBatch() as never, { principal: office.admin });
  await batches.addDemands(batch.id, ids);
  await batches.publish(batch.id, { principal: office.admin });
  return batch.id;
}

/** A public snapshot as demand would send it, for feeding the indexer events directly. */
export function aSnapshot(overrides: Partial<DemandPublicSnapshot> = {}): DemandPublicSnapshot {
  const fields = aDemand() as unknown as DemandPublicSnapshot;
  return {
    ...fields,
    id: randomUUID(),
    code: 'MY-2026-9999',
    bidDeadline: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    status: 'published',
    ownerOrganisationId: randomUUID(),
    ownerName: '测试企业',
    batchId: randomUUID(),
    publishedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}
