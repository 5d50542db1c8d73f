import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type DemandStatus,
  EDITABLE_DEMAND_STATUSES,
  PUBLIC_DEMAND_STATUSES,
  type Principal,
} from '@jiebang/contracts';
import { type DownloadLink, FileStore, type UploadedBlob } from '@jiebang/platform';
import type { FastifyReply } from 'fastify';
import type { EntityManager } from 'typeorm';
import { demandError } from '../demand.errors';
import { may } from '../demands/demand-lifecycle';
import type { DemandRecord } from '../demands/demand.record';
import { DemandRepository } from '../demands/demand.repository';
import { DemandsService } from '../demands/demands.service';
import { type DemandAttachmentView, toDemandAttachmentView } from './demand-attachment.dto';
import { DEMAND_FILES, type DemandAttachment, type DemandAttachmentPart } from './demand-attachment.entity';
import { DemandAttachmentsRepository } from './demand-attachments.repository';

const isPublic = (status: DemandStatus): boolean =>
  (PUBLIC_DEMAND_STATUSES as readonly DemandStatus[]).includes(status);

/**
 * Files on a need. The owner or its advisor attaches them while drafting (draft, returned); who
 * reads them is the need's rule: the public part with the published need, the confidential part
 * as its confidential details (owner, advisor, winners, admin).
 */
@Injectable()
export class DemandAttachmentsService implements OnApplicationBootstrap {
  constructor(
    private readonly files: FileStore,
    private readonly attachments: DemandAttachmentsRepository,
    private readonly demands: DemandRepository,
    private readonly lifecycle: DemandsService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.files.scheduleSweep(DEMAND_FILES);
  }

  async upload(
    demandId: string,
    part: DemandAttachmentPart,
    upload: UploadedBlob | undefined,
    caller: Principal,
  ): Promise<DemandAttachmentView> {
    // Checked before the bytes are stored, and again under the need's lock with the row.
    await this.ensureEditable((await this.access(demandId, caller)).demand, caller);
    const id = await this.files.attach(DEMAND_FILES, upload, async (file, manager) => {
      await this.ensureEditable(await this.lifecycle.lockVisible(demandId, caller, manager), caller, manager);
      return this.attachments.insert(
        {
          demandId,
          part,
          storageKey: file.key,
          filename: file.filename,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          uploadedBy: caller.userId,
        },
        manager,
      );
    });
    return toDemandAttachmentView((await this.attachments.find(id))!);
  }

  async list(demandId: string, caller: Principal | undefined): Promise<DemandAttachmentView[]> {
    const { parts } = await this.access(demandId, caller);
    return (await this.attachments.ofDemand(demandId, parts)).map(toDemandAttachmentView);
  }

  async link(demandId: string, attachmentId: string, caller: Principal | undefined): Promise<DownloadLink> {
    const attachment = await this.readable(demandId, attachmentId, caller);
    return this.files.link(attachment, `/api/v1/demands/${demandId}/attachments/${attachmentId}/download`);
  }

  async download(
    demandId: string,
    attachmentId: string,
    token: string | undefined,
    caller: Principal | undefined,
    response: FastifyReply,
  ): Promise<void> {
    const attachment = this.files.verifyLinkToken(attachmentId, token)
      ? await this.ofDemand(demandId, attachmentId)
      : await this.readable(demandId, attachmentId, caller);
    await this.files.send(response, attachment);
  }

  async remove(demandId: string, attachmentId: string, caller: Principal): Promise<void> {
    await this.files.detach(DEMAND_FILES, async (manager) => {
      await this.ensureEditable(await this.lifecycle.lockVisible(demandId, caller, manager), caller, manager);
      const attachment = await this.attachments.find(attachmentId, manager);
      if (attachment?.demandId !== demandId) throw this.notFound();
      return { keys: await this.attachments.delete({ id: attachmentId }, manager), result: undefined };
    });
  }

  private async ensureEditable(demand: DemandRecord, caller: Principal, manager?: EntityManager): Promise<void> {
    if (!may(await this.lifecycle.relation(caller, demand, manager), 'edit')) {
      throw demandError('DEMAND_FORBIDDEN', 'Only the owner or its advisor attaches files to a need.');
    }
    if (!EDITABLE_DEMAND_STATUSES.includes(demand.status)) {
      throw demandError('DEMAND_NOT_EDITABLE', `Files change only while a need is drafted (now ${demand.status}).`, {
        extensions: { currentStatus: demand.status },
      });
    }
  }

  /** The need and the parts the caller may read; a need it may read nothing of does not exist. */
  private async access(
    demandId: string,
    caller: Principal | undefined,
  ): Promise<{ demand: DemandRecord; parts: DemandAttachmentPart[] }> {
    const demand = await this.demands.find(demandId);
    if (demand) {
      if (may(await this.lifecycle.relation(caller, demand), 'read_full'))
        return { demand, parts: ['public', 'confidential'] };
      if (isPublic(demand.status)) return { demand, parts: ['public'] };
    }
    throw demandError('DEMAND_NOT_FOUND', 'No such need.');
  }

  private async readable(
    demandId: string,
    attachmentId: string,
    caller: Principal | undefined,
  ): Promise<DemandAttachment> {
    const { parts } = await this.access(demandId, caller);
    const attachment = await this.ofDemand(demandId, attachmentId);
    if (!parts.includes(attachment.part)) throw this.notFound();
    return attachment;
  }

  private async ofDemand(demandId: string, attachmentId: string): Promise<DemandAttachment> {
    const attachment = await this.attachments.find(attachmentId);
    if (attachment?.demandId !== demandId) throw this.notFound();
    return attachment;
  }

  private notFound() {
    return demandError('DEMAND_ATTACHMENT_NOT_FOUND', 'No such file on this need.');
  }
}
