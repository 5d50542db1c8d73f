import { Injectable } from '@nestjs/common';
import { type DemandStatus, PUBLIC_DEMAND_STATUSES, type Principal } from '@jiebang/contracts';
import {
  EventBus,
  isCheckViolation,
  memberOrganisation,
  type PageQuery,
  pageOf,
  Transactions,
} from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { demandError } from '../demand.errors';
import { may, type Relation, relationTo } from '../demands/demand-lifecycle';
import type { DemandRecord } from '../demands/demand.record';
import { DemandRepository } from '../demands/demand.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import {
  type AnswerQuestionDto,
  type AskQuestionDto,
  type HideQuestionDto,
  type QuestionPage,
  type QuestionView,
  toQuestionView,
} from './question.dto';
import type { QuestionRecord } from './question.entity';
import { QuestionRepository } from './question.repository';
import { type QuestionAudience, visibleTo } from './question-visibility';

const isPublic = (status: DemandStatus): boolean =>
  (PUBLIC_DEMAND_STATUSES as readonly DemandStatus[]).includes(status);

/**
 * Public Q&A (答疑) on published needs. A team asks while bidding is open (the database's clock
 * decides, see the `question_while_open` trigger); the need's owner or its advisor answers, until
 * the award; an answered question is public, so every bidder has the same information. The asking
 * team is named only to the owner, its advisors and admin. The office hides improper questions.
 */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly questions: QuestionRepository,
    private readonly demands: DemandRepository,
    private readonly directory: DirectoryRepository,
    private readonly events: EventBus,
  ) {}

  async list(demandId: string, query: PageQuery, caller: Principal | undefined): Promise<QuestionPage> {
    const demand = await this.demands.find(demandId);
    if (!demand) throw this.needNotFound();
    const relation = await this.relation(caller, demand);
    if (!may(relation, 'read_full') && !isPublic(demand.status)) throw this.needNotFound();
    const audience = audienceOf(caller, relation);
    const [records, total] = await this.questions.list(demandId, audience, query);
    return {
      ...pageOf(
        records.map((record) => toQuestionView(record, audience, caller?.organisationId ?? null)),
        total,
        query,
      ),
      mayAsk:
        caller?.role === 'team' &&
        caller.organisationId !== demand.ownerOrganisationId &&
        demand.effectiveStatus === 'published',
      mayAnswer:
        (relation === 'owner' || relation === 'advisor') && ['published', 'bidding_closed'].includes(demand.status),
      mayModerate: relation === 'admin',
    };
  }

  async ask(demandId: string, input: AskQuestionDto, caller: Principal): Promise<QuestionView> {
    const team = memberOrganisation(caller, 'team');
    return this.transactions.run(async (manager) => {
      const demand = await this.demands.find(demandId, manager);
      if (!demand || !isPublic(demand.status)) throw this.needNotFound();
      if (team === demand.ownerOrganisationId) {
        throw demandError('QUESTION_FORBIDDEN', 'An organisation cannot ask about its own need.');
      }
      const question = await this.questions
        .insert({ demandId, askerOrganisationId: team, askedBy: caller.userId, body: input.question }, manager)
        .catch((error: unknown) => {
          throw isCheckViolation(error, 'question_while_open')
            ? this.closed(demand, 'Questions close with bidding')
            : error;
        });
      await this.events.publish(
        manager,
        EventBus.envelope('demand.question_asked', question.id, question.version, {
          questionId: question.id,
          demandId,
          askerOrganisationId: question.askerOrganisationId,
          question: question.body,
        }),
      );
      return toQuestionView(question, { kind: 'team', organisationId: team }, team);
    });
  }

  async answer(
    demandId: string,
    questionId: string,
    input: AnswerQuestionDto,
    caller: Principal,
  ): Promise<QuestionView> {
    return this.transactions.run(async (manager) => {
      const { question, demand, relation } = await this.lockVisible(demandId, questionId, caller, manager);
      if (relation !== 'owner' && relation !== 'advisor') {
        throw demandError('QUESTION_FORBIDDEN', "Only the need's owner or its advisor answers its questions.");
      }
      if (question.answeredAt) {
        throw demandError('QUESTION_ALREADY_ANSWERED', 'This question has been answered already.');
      }
      const answered = await this.questions.answer(
        questionId,
        { text: input.answer, by: caller.userId, role: relation === 'owner' ? 'enterprise' : 'advisor' },
        manager,
      );
      if (!answered) throw this.closed(demand, 'Questions are answered until the award');
      await this.events.publish(
        manager,
        EventBus.envelope('demand.question_answered', answered.id, answered.version, {
          questionId: answered.id,
          demandId,
          askerOrganisationId: answered.askerOrganisationId,
          question: answered.body,
          answer: answered.answer!,
          answeredByRole: answered.answeredByRole!,
        }),
      );
      return toQuestionView({ ...answered, askerName: question.askerName }, { kind: 'parties' }, null);
    });
  }

  async hide(demandId: string, questionId: string, input: HideQuestionDto, caller: Principal): Promise<QuestionView> {
    return this.moderate(demandId, questionId, { by: caller.userId, reason: input.reason }, caller);
  }

  async show(demandId: string, questionId: string, caller: Principal): Promise<QuestionView> {
    return this.moderate(demandId, questionId, null, caller);
  }

  private async moderate(
    demandId: string,
    questionId: string,
    hide: { by: string; reason: string } | null,
    caller: Principal,
  ): Promise<QuestionView> {
    return this.transactions.run(async (manager) => {
      const { question } = await this.lockVisible(demandId, questionId, caller, manager);
      const moderated = await this.questions.moderate(questionId, hide, manager);
      if (!moderated) {
        throw hide
          ? demandError('QUESTION_ALREADY_HIDDEN', 'This question is hidden already.')
          : demandError('QUESTION_NOT_HIDDEN', 'This question is not hidden.');
      }
      await this.events.publish(
        manager,
        EventBus.envelope('demand.question_moderated', moderated.id, moderated.version, {
          questionId: moderated.id,
          demandId,
          askerOrganisationId: moderated.askerOrganisationId,
          hidden: hide !== null,
          reason: hide?.reason ?? null,
        }),
      );
      return toQuestionView({ ...moderated, askerName: question.askerName }, { kind: 'all' }, null);
    });
  }

  /** Locks a question of a need; one the caller may not see is reported as absent, not forbidden. */
  private async lockVisible(
    demandId: string,
    questionId: string,
    caller: Principal,
    manager: EntityManager,
  ): Promise<{ question: QuestionRecord; demand: DemandRecord; relation: Relation }> {
    const question = await this.questions.lock(questionId, demandId, manager);
    const demand = question ? await this.demands.find(demandId, manager) : null;
    if (!question || !demand) throw this.questionNotFound();
    const relation = await this.relation(caller, demand, manager);
    if (!visibleTo(question, audienceOf(caller, relation))) throw this.questionNotFound();
    return { question, demand, relation };
  }

  private async relation(
    caller: Principal | undefined,
    demand: DemandRecord,
    manager?: EntityManager,
  ): Promise<Relation> {
    const served = caller?.role === 'advisor' ? await this.directory.servedBy(caller.userId, manager) : [];
    const winners = caller?.role === 'team' ? await this.demands.winners(demand.id, manager) : [];
    return relationTo(caller, demand, served, winners);
  }

  private closed(demand: DemandRecord, why: string) {
    return demandError('QUESTION_CLOSED', `${why}; this need is ${demand.effectiveStatus}.`, {
      extensions: { currentStatus: demand.effectiveStatus, bidDeadline: demand.bidDeadline?.toISOString() ?? null },
    });
  }

  private needNotFound() {
    return demandError('DEMAND_NOT_FOUND', 'No such need.');
  }

  private questionNotFound() {
    return demandError('QUESTION_NOT_FOUND', 'No such question.');
  }
}

function audienceOf(caller: Principal | undefined, relation: Relation): QuestionAudience {
  if (relation === 'admin') return { kind: 'all' };
  if (relation === 'owner' || relation === 'advisor') return { kind: 'parties' };
  if (caller?.role === 'team' && caller.organisationId) return { kind: 'team', organisationId: caller.organisationId };
  return { kind: 'public' };
}
