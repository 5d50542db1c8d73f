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
import { DemandAttachmentView, DownloadQuery, UploadDemandAttachmentDto } from './demand-attachment.dto';
import { DEMAND_ATTACHMENT_PARTS } from './demand-attachment.entity';
import { DemandAttachmentsService } from './demand-attachments.service';

@ApiTags('attachments')
@Controller('api/v1/demands/:id/attachments')
export class DemandAttachmentsController {
  constructor(private readonly attachments: DemandAttachmentsService) {}

  @Post()
  @Roles('enterprise', 'advisor')
  @ApiBearerAuth()
  @AttachmentUpload({ part: { type: 'string', enum: [...DEMAND_ATTACHMENT_PARTS] } }, ['part'])
  @ApiOperation({ summary: 'Attach a file to a draft or returned need (owner or its advisor)' })
  @ApiCreatedResponse({ type: DemandAttachmentView })
  upload(
    @Param('id', uuidParam()) id: string,
    @Body() body: UploadDemandAttachmentDto,
    @UploadedFile() file: UploadedBlob | undefined,
    @CurrentUser() caller: Principal,
  ): Promise<DemandAttachmentView> {
    return this.attachments.upload(id, body.part, file, caller);
  }

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "A need's files the caller may read: the public part with the published need, the confidential part as its confidential details",
  })
  @ApiOkResponse({ type: [DemandAttachmentView] })
  list(
    @Param('id', uuidParam()) id: string,
    @CurrentUser('optional') caller: Principal | undefined,
  ): Promise<DemandAttachmentView[]> {
    return this.attachments.list(id, caller);
  }

  @Get(':attachmentId/link')
  @Public()
  @ApiOperation({ summary: 'A short-lived download link to a file the caller may read' })
  @ApiOkResponse({ type: DownloadLinkView })
  link(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser('optional') caller: Principal | undefined,
  ): Promise<DownloadLink> {
    return this.attachments.link(id, attachmentId, caller);
  }

  @Get(':attachmentId/download')
  @Public()
  @ApiOperation({ summary: 'The file: streamed (filesystem) or a redirect to a presigned URL (S3)' })
  @ApiOkResponse({ description: 'The bytes, with their sniffed type' })
  @ApiFoundResponse({ description: 'S3: the presigned URL in Location' })
  download(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Query() query: DownloadQuery,
    @CurrentUser('optional') caller: Principal | undefined,
    @Res() response: FastifyReply,
  ): Promise<void> {
    return this.attachments.download(id, attachmentId, query.token, caller, response);
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Roles('enterprise', 'advisor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove a file from a draft or returned need' })
  @ApiNoContentResponse()
  remove(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    return this.attachments.remove(id, attachmentId, caller);
  }
}
