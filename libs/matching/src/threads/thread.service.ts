import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { EventBus, platformError, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { PartiesRepository } from '../access/parties.repository';
import { type MatchingAttachmentView, toAttachmentView } from '../attachments/attachment.dto';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { relationToEngagement } from '../access/parties';
import type { Engagement, EngagementStatus } from '../engagements/engagement.entity';
import { EngagementRepository } from '../engagements/engagement.repository';
import { matchingError } from '../matching.errors';
import {
  type MarkReadDto,
  type MessageView,
  type PostMessageDto,
  type ThreadPage,
  type ThreadQuery,
  type ThreadReadView,
  toMessageView,
} from './thread.dto';
import { ThreadRepository } from './thread.repository';

/** A thread takes new messages while the work runs; a completed or cancelled engagement's stays as the record. */
const WRITABLE: readonly EngagementStatus[] = ['awarded', 'in_progress'];
const EXCERPT_LENGTH = 80;

/**
 * The conversation of an engagement: its two parties, the advisors serving either and the office
 * write and read; everybody else learns nothing of it (404, as for the engagement itself).
 */
@Injectable()
export class ThreadService {
  constructor(
    private readonly transactions: Transactions,
    private readonly threads: ThreadRepository,
    private readonly engagements: EngagementRepository,
    private readonly parties: PartiesRepository,
    private readonly events: EventBus,
    private readonly attachments: AttachmentsRepository,
  ) {}

  async list(id: string, query: ThreadQuery, caller: Principal): Promise<ThreadPage> {
    if (query.after !== undefined && query.before !== undefined) {
      throw platformError('VALIDATION_FAILED', 'Read on (after) or back (before), not both.', {
        errors: [{ field: 'before', message: 'before cannot be combined with after' }],
      });
    }
    const engagement = await this.participation(id, caller);
    const { rows, hasMore } = await this.threads.page(id, query, query.limit);
    const [state, files] = await Promise.all([
      this.threads.readState(id, caller.userId),
      this.filesOf(rows.map((row) => row.id)),
    ]);
    return {
      items: rows.map((row) => toMessageView(row, caller, files.get(row.id) ?? [])),
      hasMore,
      ...state,
      writable: WRITABLE.includes(engagement.status),
    };
  }

  async post(id: string, input: PostMessageDto, caller: Principal): Promise<MessageView> {
    const messageId = await this.transactions.run(async (manager) => {
      // Shared lock: posts run side by side, but not past a completion or cancellation.
      const engagement = await this.writable(id, caller, manager);
      const seq = await this.threads.nextSeq(id, manager);
      const message = {
        engagementId: id,
        seq,
        authorId: caller.userId,
        authorRole: caller.role,
        authorOrganisationId: caller.organisationId,
        body: input.body,
      };
      const messageId = await this.threads.insert(message, manager);
      await this.events.publish(
        manager,
        EventBus.envelope('matching.engagement_message_posted', id, seq, {
          engagementId: id,
          demandId: engagement.demandId,
          messageId,
          seq,
          authorId: caller.userId,
          authorRole: caller.role,
          authorOrganisationId: caller.organisationId,
          teamOrganisationId: engagement.teamOrganisationId,
          ownerOrganisationId: engagement.ownerOrganisationId,
          excerpt: excerptOf(input.body),
          adminIds: await this.threads.authorsWithRole(id, 'admin', manager),
        }),
      );
      return messageId;
    });
    // A new message has no files yet: its author attaches them to it next.
    return toMessageView((await this.threads.find(messageId))!, caller, []);
  }

  async markRead(id: string, input: MarkReadDto, caller: Principal): Promise<ThreadReadView> {
    await this.participation(id, caller);
    const seq = await this.threads.seqOf(id, input.messageId);
    if (seq === null) {
      throw matchingError('REFERENCE_NOT_FOUND', 'No such message in this thread.', {
        errors: [{ field: 'messageId', message: 'no such message in this thread' }],
      });
    }
    await this.transactions.run((manager) => this.threads.markRead(id, caller.userId, seq, manager));
    return this.threads.readState(id, caller.userId);
  }

  /** Throws (404) unless the message is in the thread of an engagement the caller takes part in. */
  async messageOf(id: string, messageId: string, caller: Principal): Promise<void> {
    await this.participation(id, caller);
    if ((await this.threads.seqOf(id, messageId)) === null) throw this.messageNotFound();
  }

  /** Files go on a message by its author only, while the thread is open; the engagement is share-locked. */
  async lockForFiles(id: string, messageId: string, caller: Principal, manager: EntityManager): Promise<void> {
    await this.writable(id, caller, manager);
    const author = await this.threads.authorOf(id, messageId, manager);
    if (author === null) throw this.messageNotFound();
    if (author !== caller.userId) {
      throw matchingError('MESSAGE_FORBIDDEN', 'Only the author of a message adds files to it or removes them.');
    }
  }

  /** The engagement, share-locked, when the caller takes part in it and its thread takes messages. */
  private async writable(id: string, caller: Principal, manager: EntityManager): Promise<Engagement> {
    const engagement = await this.participation(id, caller, manager);
    if (!WRITABLE.includes(engagement.status)) {
      throw matchingError('THREAD_READ_ONLY', `The engagement is ${engagement.status}: its thread is read-only.`, {
        extensions: { engagementStatus: engagement.status },
      });
    }
    return engagement;
  }

  private async filesOf(messageIds: string[]): Promise<Map<string, MatchingAttachmentView[]>> {
    const byMessage = new Map<string, MatchingAttachmentView[]>();
    for (const file of await this.attachments.ofParents('message', messageIds)) {
      const files = byMessage.get(file.parentId) ?? [];
      files.push(toAttachmentView(file));
      byMessage.set(file.parentId, files);
    }
    return byMessage;
  }

  private messageNotFound() {
    return matchingError('MESSAGE_NOT_FOUND', 'No such message in this thread.');
  }

  /** The engagement, when the caller takes part in it; inside a transaction, share-locked. */
  private async participation(id: string, caller: Principal, manager?: EntityManager): Promise<Engagement> {
    const engagement = manager ? await this.engagements.lockShared(id, manager) : await this.engagements.find(id);
    const served = caller.role === 'advisor' ? await this.parties.servedBy(caller.userId, manager) : [];
    if (!engagement || relationToEngagement(caller, engagement, served) === 'none') {
      throw matchingError('ENGAGEMENT_NOT_FOUND', 'No such engagement.');
    }
    return engagement;
  }
}

/** The start of a message on one line, for a notification. */
function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ');
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}
