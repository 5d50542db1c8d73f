import { Injectable } from '@nestjs/common';
import { type PageQuery, Transactions } from '@jiebang/platform';
import type { OrganisationKind } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationRepository {
  constructor(private readonly transactions: Transactions) {}

  findById(id: string, manager: EntityManager = this.transactions.manager): Promise<Organisation | null> {
    return manager.findOneBy(Organisation, { id });
  }

  findByJoinCode(joinCode: string, manager: EntityManager): Promise<Organisation | null> {
    return manager.findOneBy(Organisation, { joinCode });
  }

  findByName(name: string, manager: EntityManager): Promise<Organisation | null> {
    return manager.createQueryBuilder(Organisation, 'o').where('lower(o.name) = lower(:name)', { name }).getOne();
  }

  findByIds(ids: string[], manager: EntityManager = this.transactions.manager): Promise<Organisation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(Organisation, 'o')
      .where('o.id IN (:...ids)', { ids })
      .orderBy('o.name')
      .getMany();
  }

  insert(
    organisation: Pick<Organisation, 'name' | 'kind' | 'joinCode'>,
    manager: EntityManager,
  ): Promise<Organisation> {
    return manager.save(manager.create(Organisation, organisation));
  }

  search(filter: { kind?: OrganisationKind; q?: string }, page: PageQuery): Promise<[Organisation[], number]> {
    const query = this.transactions.manager.createQueryBuilder(Organisation, 'o');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.q) query.andWhere('o.name ILIKE :q', { q: `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` });
    return query.orderBy('o.name').offset(page.offset).limit(page.pageSize).getManyAndCount();
  }
}
