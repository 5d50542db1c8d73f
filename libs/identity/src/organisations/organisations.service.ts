import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { type Page, pageOf } from '@jiebang/platform';
import { identityError } from '../identity.errors';
import {
  type OrganisationMemberView,
  type OrganisationQuery,
  type OrganisationView,
  toOrganisationMemberView,
  toOrganisationView,
} from './organisation.dto';
import { OrganisationRepository } from './organisation.repository';

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationRepository) {}

  /** Anyone sees the name and kind; members and admin also see the join code. */
  async get(id: string, caller: Principal | undefined): Promise<OrganisationView | OrganisationMemberView> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw identityError('ORGANISATION_NOT_FOUND', 'No such organisation.');
    const insider = caller?.role === 'admin' || caller?.organisationId === id;
    return insider ? toOrganisationMemberView(organisation) : toOrganisationView(organisation);
  }

  async search(query: OrganisationQuery): Promise<Page<OrganisationMemberView>> {
    const [items, total] = await this.organisations.search({ kind: query.kind, q: query.q }, query);
    return pageOf(items.map(toOrganisationMemberView), total, query);
  }
}
