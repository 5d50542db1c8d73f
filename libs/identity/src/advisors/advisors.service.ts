import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { EventBus, platformError, Transactions } from '@jiebang/platform';
import { identityError } from '../identity.errors';
import { toOrganisationView } from '../organisations/organisation.dto';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { UserRepository } from '../users/user.repository';
import type { AdvisorPortfolioView, AssignOrganisationsDto } from './advisor.dto';
import { AdvisorAssignmentRepository } from './advisor-assignment.repository';

@Injectable()
export class AdvisorsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly assignments: AdvisorAssignmentRepository,
    private readonly events: EventBus,
  ) {}

  /** Replaces the set of enterprises an advisor serves and announces the new set. */
  async assign(advisorId: string, input: AssignOrganisationsDto, admin: Principal): Promise<AdvisorPortfolioView> {
    const ids = [...new Set(input.organisationIds)];
    return this.transactions.run(async (manager) => {
      // The row lock serialises concurrent assignments so versions never repeat.
      const advisor = await this.users.lockById(advisorId, manager);
      if (!advisor) throw identityError('USER_NOT_FOUND', 'No such user.');
      if (advisor.role !== 'advisor') throw identityError('NOT_AN_ADVISOR', 'Only advisor accounts serve enterprises.');
      const organisations = await this.organisations.findByIds(ids, manager);
      const errors = ids.flatMap((id, index) => {
        const found = organisations.find((o) => o.id === id);
        if (!found) return [{ field: `organisationIds.${index}`, message: 'no such organisation' }];
        if (found.kind !== 'enterprise' && found.kind !== 'company')
          return [{ field: `organisationIds.${index}`, message: 'not an enterprise' }];
        return [];
      });
      if (errors.length > 0)
        throw identityError('NOT_AN_ENTERPRISE', 'Advisors can only serve existing enterprises.', { errors });
      await this.assignments.replace(advisorId, ids, admin.userId, manager);
      advisor.assignmentsVersion += 1;
      await this.users.save(advisor, manager);
      await this.events.publish(
        manager,
        EventBus.envelope('identity.advisor_assignments_changed', advisorId, advisor.assignmentsVersion, {
          organisationIds: ids,
        }),
      );
      return { advisorId, organisations: organisations.map(toOrganisationView) };
    });
  }

  async portfolio(advisorId: string, caller: Principal): Promise<AdvisorPortfolioView> {
    if (caller.role !== 'admin' && caller.userId !== advisorId) {
      throw platformError('NOT_FOUND', 'No such advisor.');
    }
    const advisor = await this.users.findById(advisorId);
    if (advisor?.role !== 'advisor') throw identityError('USER_NOT_FOUND', 'No such advisor.');
    const organisations = await this.organisations.findByIds(await this.assignments.organisationIds(advisorId));
    return { advisorId, organisations: organisations.map(toOrganisationView) };
  }
}
