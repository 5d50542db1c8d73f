import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import {
  AttachmentUpload,
  CurrentUser,
  type DownloadLink,
  DownloadLinkView,
  Public,
  Roles,
  type UploadedBlob,
  uuidParam,
} from '@jiebang/platform';
import type { FastifyReply } from 'fastify';
import { AttachmentDownloadQuery, MatchingAttachmentView, UploadBidAttachmentDto } from './attachment.dto';
import { BID_FILE_KINDS } from './attachment.entity';
import { AttachmentsService } from './attachments.service';

const DOWNLOAD_SUMMARY =
  'The file: streamed (filesystem) or a redirect to a presigned URL (S3); a bearer token or ?token=';
const LINK_SUMMARY = 'A short-lived download link to the file';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/v1/bids/:id/attachments')
export class BidAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('team')
  @AttachmentUpload({ kind: { type: 'string', enum: [...BID_FILE_KINDS] } }, ['kind'])
  @ApiOperation({ summary: 'Attach the proposal or a CV to a bid its team may still edit' })
  @ApiCreatedResponse({ type: MatchingAttachmentView })
  upload(
    @Param('id', uuidParam()) id: string,
    @Body() body: UploadBidAttachmentDto,
    @UploadedFile() file: UploadedBlob | undefined,
    @CurrentUser() caller: Principal,
  ): Promise<MatchingAttachmentView> {
    return this.attachments.upload({ kind: 'bid', id }, body.kind, file, caller);
  }

  @Get()
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: "A bid's files, for whoever may read the bid" })
  @ApiOkResponse({ type: [MatchingAttachmentView] })
  list(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<MatchingAttachmentView[]> {
    return this.attachments.list({ kind: 'bid', id }, caller);
  }

  @Get(':attachmentId/link')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: LINK_SUMMARY })
  @ApiOkResponse({ type: DownloadLinkView })
  link(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<DownloadLink> {
    return this.attachments.link({ kind: 'bid', id }, attachmentId, caller);
  }

  @Get(':attachmentId/download')
  @Public()
  @ApiOperation({ summary: DOWNLOAD_SUMMARY })
  @ApiOkResponse({ description: 'The bytes, with their sniffed type' })
  @ApiFoundResponse({ description: 'S3: the presigned URL in Location' })
  download(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Query() query: AttachmentDownloadQuery,
    @CurrentUser('optional') caller: Principal | undefined,
    @Res() response: FastifyReply,
  ): Promise<void> {
    return this.attachments.download({ kind: 'bid', id }, attachmentId, query.token, caller, response);
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Roles('team')
  @ApiOperation({ summary: 'Remove a file from a bid its team may still edit' })
  @ApiNoContentResponse()
  remove(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    return this.attachments.remove({ kind: 'bid', id }, attachmentId, caller);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/v1/engagements/:id/milestones/:milestoneId/attachments')
export class MilestoneAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('team')
  @AttachmentUpload()
  @ApiOperation({ summary: 'Attach a deliverable to a milestone the winning team may still submit' })
  @ApiCreatedResponse({ type: MatchingAttachmentView })
  upload(
    @Param('id', uuidParam()) engagementId: string,
    @Param('milestoneId', uuidParam('milestoneId')) id: string,
    @UploadedFile() file: UploadedBlob | undefined,
    @CurrentUser() caller: Principal,
  ): Promise<MatchingAttachmentView> {
    return this.attachments.upload({ kind: 'milestone', id, engagementId }, 'deliverable', file, caller);
  }

  @Get()
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: "A milestone's deliverables, for the engagement's parties" })
  @ApiOkResponse({ type: [MatchingAttachmentView] })
  list(
    @Param('id', uuidParam()) engagementId: string,
    @Param('milestoneId', uuidParam('milestoneId')) id: string,
    @CurrentUser() caller: Principal,
  ): Promise<MatchingAttachmentView[]> {
    return this.attachments.list({ kind: 'milestone', id, engagementId }, caller);
  }

  @Get(':attachmentId/link')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: LINK_SUMMARY })
  @ApiOkResponse({ type: DownloadLinkView })
  link(
    @Param('id', uuidParam()) engagementId: string,
    @Param('milestoneId', uuidParam('milestoneId')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<DownloadLink> {
    return this.attachments.link({ kind: 'milestone', id, engagementId }, attachmentId, caller);
  }

  @Get(':attachmentId/download')
  @Public()
  @ApiOperation({ summary: DOWNLOAD_SUMMARY })
  @ApiOkResponse({ description: 'The bytes, with their sniffed type' })
  @ApiFoundResponse({ description: 'S3: the presigned URL in Location' })
  download(
    @Param('id', uuidParam()) engagementId: string,
    @Param('milestoneId', uuidParam('milestoneId')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Query() query: AttachmentDownloadQuery,
    @CurrentUser('optional') caller: Principal | undefined,
    @Res() response: FastifyReply,
  ): Promise<void> {
    return this.attachments.download(
      { kind: 'milestone', id, engagementId },
      attachmentId,
      query.token,
      caller,
      response,
    );
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Roles('team')
  @ApiOperation({ summary: 'Remove a deliverable from a milestone the winning team may still submit' })
  @ApiNoContentResponse()
  remove(
    @Param('id', uuidParam()) engagementId: string,
    @Param('milestoneId', uuidParam('milestoneId')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    return this.attachments.remove({ kind: 'milestone', id, engagementId }, attachmentId, caller);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/v1/conversions/:id/attachments')
export class ConversionAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('advisor')
  @AttachmentUpload()
  @ApiOperation({ summary: 'Attach evidence (a contract, an invoice …) to a conversion the advisor recorded' })
  @ApiCreatedResponse({ type: MatchingAttachmentView })
  upload(
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: UploadedBlob | undefined,
    @CurrentUser() caller: Principal,
  ): Promise<MatchingAttachmentView> {
    return this.attachments.upload({ kind: 'conversion', id }, 'evidence', file, caller);
  }

  @Get()
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: "A conversion's evidence: its advisor, admin" })
  @ApiOkResponse({ type: [MatchingAttachmentView] })
  list(@Param('id', uuidParam()) id: string, @CurrentUser() caller: Principal): Promise<MatchingAttachmentView[]> {
    return this.attachments.list({ kind: 'conversion', id }, caller);
  }

  @Get(':attachmentId/link')
  @Roles('advisor', 'admin')
  @ApiOperation({ summary: LINK_SUMMARY })
  @ApiOkResponse({ type: DownloadLinkView })
  link(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<DownloadLink> {
    return this.attachments.link({ kind: 'conversion', id }, attachmentId, caller);
  }

  @Get(':attachmentId/download')
  @Public()
  @ApiOperation({ summary: DOWNLOAD_SUMMARY })
  @ApiOkResponse({ description: 'The bytes, with their sniffed type' })
  @ApiFoundResponse({ description: 'S3: the presigned URL in Location' })
  download(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Query() query: AttachmentDownloadQuery,
    @CurrentUser('optional') caller: Principal | undefined,
    @Res() response: FastifyReply,
  ): Promise<void> {
    return this.attachments.download({ kind: 'conversion', id }, attachmentId, query.token, caller, response);
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Roles('advisor')
  @ApiOperation({ summary: 'Remove evidence from a conversion the advisor recorded' })
  @ApiNoContentResponse()
  remove(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    return this.attachments.remove({ kind: 'conversion', id }, attachmentId, caller);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/v1/engagements/:id/messages/:messageId/attachments')
export class MessageAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @AttachmentUpload()
  @ApiOperation({ summary: "Attach a file to one's own message while the engagement's thread is open" })
  @ApiCreatedResponse({ type: MatchingAttachmentView })
  upload(
    @Param('id', uuidParam()) engagementId: string,
    @Param('messageId', uuidParam('messageId')) id: string,
    @UploadedFile() file: UploadedBlob | undefined,
    @CurrentUser() caller: Principal,
  ): Promise<MatchingAttachmentView> {
    return this.attachments.upload({ kind: 'message', id, engagementId }, 'file', file, caller);
  }

  @Get()
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: "A message's files, for everyone in the engagement's thread" })
  @ApiOkResponse({ type: [MatchingAttachmentView] })
  list(
    @Param('id', uuidParam()) engagementId: string,
    @Param('messageId', uuidParam('messageId')) id: string,
    @CurrentUser() caller: Principal,
  ): Promise<MatchingAttachmentView[]> {
    return this.attachments.list({ kind: 'message', id, engagementId }, caller);
  }

  @Get(':attachmentId/link')
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: LINK_SUMMARY })
  @ApiOkResponse({ type: DownloadLinkView })
  link(
    @Param('id', uuidParam()) engagementId: string,
    @Param('messageId', uuidParam('messageId')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<DownloadLink> {
    return this.attachments.link({ kind: 'message', id, engagementId }, attachmentId, caller);
  }

  @Get(':attachmentId/download')
  @Public()
  @ApiOperation({ summary: DOWNLOAD_SUMMARY })
  @ApiOkResponse({ description: 'The bytes, with their sniffed type' })
  @ApiFoundResponse({ description: 'S3: the presigned URL in Location' })
  download(
    @Param('id', uuidParam()) engagementId: string,
    @Param('messageId', uuidParam('messageId')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Query() query: AttachmentDownloadQuery,
    @CurrentUser('optional') caller: Principal | undefined,
    @Res() response: FastifyReply,
  ): Promise<void> {
    return this.attachments.download(
      { kind: 'message', id, engagementId },
      attachmentId,
      query.token,
      caller,
      response,
    );
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Roles('enterprise', 'team', 'advisor', 'admin')
  @ApiOperation({ summary: "Remove a file from one's own message while the thread is open" })
  @ApiNoContentResponse()
  remove(
    @Param('id', uuidParam()) engagementId: string,
    @Param('messageId', uuidParam('messageId')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    return this.attachments.remove({ kind: 'message', id, engagementId }, attachmentId, caller);
  }
}
