import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { AdvisorRecordsService } from '../advisors/advisor-records.service';
import { BidsService } from '../bids/bids.service';
import { EngagementsService } from '../engagements/engagements.service';
import { ThreadService } from '../threads/thread.service';
import type { ParentKind } from './attachment.entity';

/** The object a file hangs on, as its routes name it. */
export type AttachmentParent =
  | { kind: 'bid'; id: string }
  | { kind: 'milestone'; id: string; engagementId: string }
  | { kind: 'conversion'; id: string }
  | { kind: 'message'; id: string; engagementId: string };

interface ParentPolicy<P extends AttachmentParent> {
  /** Throws (404) unless the caller may read the parent, hence its files. */
  ensureReadable(parent: P, caller: Principal): Promise<void>;
  /** Locks the parent in `manager`'s transaction; throws unless the caller may change its files now. */
  lockEditable(parent: P, caller: Principal, manager: EntityManager): Promise<void>;
  /** Where the parent's files are downloaded. */
  path(parent: P): string;
}

type Policies = { [K in ParentKind]: ParentPolicy<Extract<AttachmentParent, { kind: K }>> };

/**
 * Who may read and change the files of each kind of parent: exactly the parent's own rules, asked
 * of the service that owns it. A new parent kind is one more entry here.
 */
@Injectable()
export class AttachmentParents {
  private readonly policies: Policies;

  constructor(
    bids: BidsService,
    engagements: EngagementsService,
    records: AdvisorRecordsService,
    threads: ThreadService,
  ) {
    this.policies = {
      // A bid's team, the need's owner, its advisors and reviewers, admin (not a draft for the need's side).
      bid: {
        ensureReadable: async (parent, caller) => void (await bids.get(parent.id, caller)),
        lockEditable: async (parent, caller, manager) => void (await bids.lockEditable(parent.id, caller, manager)),
        path: (parent) => `/api/v1/bids/${parent.id}`,
      },
      // The engagement's parties: the winning team, the owner, the owner's advisors, admin.
      milestone: {
        ensureReadable: async (parent, caller) =>
          void (await engagements.milestoneOf(parent.engagementId, parent.id, caller)),
        lockEditable: async (parent, caller, manager) =>
          void (await engagements.lockForDelivery(parent.engagementId, parent.id, caller, manager)),
        path: (parent) => `/api/v1/engagements/${parent.engagementId}/milestones/${parent.id}`,
      },
      // The advisor who recorded the conversion, and admin.
      conversion: {
        ensureReadable: (parent, caller) => records.readableConversion(parent.id, caller),
        lockEditable: (parent, caller, manager) => records.lockForEvidence(parent.id, caller, manager),
        path: (parent) => `/api/v1/conversions/${parent.id}`,
      },
      // Everyone in the engagement's thread reads; only the message's author adds or removes, while it is open.
      message: {
        ensureReadable: (parent, caller) => threads.messageOf(parent.engagementId, parent.id, caller),
        lockEditable: (parent, caller, manager) =>
          threads.lockForFiles(parent.engagementId, parent.id, caller, manager),
        path: (parent) => `/api/v1/engagements/${parent.engagementId}/messages/${parent.id}`,
      },
    };
  }

  ensureReadable(parent: AttachmentParent, caller: Principal): Promise<void> {
    return this.policy(parent).ensureReadable(parent, caller);
  }

  lockEditable(parent: AttachmentParent, caller: Principal, manager: EntityManager): Promise<void> {
    return this.policy(parent).lockEditable(parent, caller, manager);
  }

  path(parent: AttachmentParent): string {
    return this.policy(parent).path(parent);
  }

  private policy(parent: AttachmentParent): ParentPolicy<AttachmentParent> {
    return this.policies[parent.kind];
  }
}
