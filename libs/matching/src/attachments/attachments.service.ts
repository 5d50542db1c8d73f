import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { type DownloadLink, FileStore, platformError, Transactions, type UploadedBlob } from '@jiebang/platform';
import type { FastifyReply } from 'fastify';
import { matchingError } from '../matching.errors';
import { type AttachmentParent, AttachmentParents } from './attachment-parents';
import { type MatchingAttachmentView, toAttachmentView } from './attachment.dto';
import { type FileKind, MATCHING_FILES, type MatchingAttachment } from './attachment.entity';
import { AttachmentsRepository } from './attachments.repository';

/**
 * Files on bids (proposal, CVs), milestones (deliverables), conversions (evidence) and engagement
 * messages. Reading follows the parent's rules; changing needs the parent editable by the caller (a
 * bid its team may still edit, a milestone its team may still submit, a conversion by its own
 * advisor, a message by its author while the thread is open).
 */
@Injectable()
export class AttachmentsService implements OnApplicationBootstrap {
  constructor(
    private readonly transactions: Transactions,
    private readonly files: FileStore,
    private readonly attachments: AttachmentsRepository,
    private readonly parents: AttachmentParents,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.files.scheduleSweep(MATCHING_FILES);
  }

  async upload(
    parent: AttachmentParent,
    kind: FileKind,
    upload: UploadedBlob | undefined,
    caller: Principal,
  ): Promise<MatchingAttachmentView> {
    // Checked before the bytes are stored, and again under the parent's lock with the row.
    await this.transactions.run((manager) => this.parents.lockEditable(parent, caller, manager));
    const id = await this.files.attach(MATCHING_FILES, upload, async (file, manager) => {
      await this.parents.lockEditable(parent, caller, manager);
      return this.attachments.insert(
        {
          parentKind: parent.kind,
          parentId: parent.id,
          kind,
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
    return toAttachmentView((await this.attachments.find(id))!);
  }

  async list(parent: AttachmentParent, caller: Principal): Promise<MatchingAttachmentView[]> {
    await this.parents.ensureReadable(parent, caller);
    return (await this.attachments.ofParents(parent.kind, [parent.id])).map(toAttachmentView);
  }

  async link(parent: AttachmentParent, attachmentId: string, caller: Principal): Promise<DownloadLink> {
    await this.parents.ensureReadable(parent, caller);
    const attachment = await this.ofParent(parent, attachmentId);
    return this.files.link(attachment, `${this.parents.path(parent)}/attachments/${attachmentId}/download`);
  }

  /** With a signed link's token, or as a caller who may read the parent. */
  async download(
    parent: AttachmentParent,
    attachmentId: string,
    token: string | undefined,
    caller: Principal | undefined,
    response: FastifyReply,
  ): Promise<void> {
    if (!this.files.verifyLinkToken(attachmentId, token)) {
      if (!caller) throw platformError('AUTH_REQUIRED', 'Sign in, or use a download link.');
      await this.parents.ensureReadable(parent, caller);
    }
    await this.files.send(response, await this.ofParent(parent, attachmentId));
  }

  async remove(parent: AttachmentParent, attachmentId: string, caller: Principal): Promise<void> {
    await this.files.detach(MATCHING_FILES, async (manager) => {
      await this.parents.lockEditable(parent, caller, manager);
      const attachment = await this.attachments.find(attachmentId, manager);
      if (!attachment || !belongsTo(attachment, parent)) throw this.notFound();
      return { keys: await this.attachments.delete(attachmentId, manager), result: undefined };
    });
  }

  private async ofParent(parent: AttachmentParent, attachmentId: string): Promise<MatchingAttachment> {
    const attachment = await this.attachments.find(attachmentId);
    if (!attachment || !belongsTo(attachment, parent)) throw this.notFound();
    return attachment;
  }

  private notFound() {
    return matchingError('ATTACHMENT_NOT_FOUND', 'No such file here.');
  }
}

function belongsTo(attachment: MatchingAttachment, parent: AttachmentParent): boolean {
  return attachment.parentKind === parent.kind && attachment.parentId === parent.id;
}
