import { ApiProperty } from '@nestjs/swagger';
import { StoredFileView } from '@jiebang/platform';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  BID_FILE_KINDS,
  type BidFileKind,
  FILE_KINDS,
  type FileKind,
  type MatchingAttachment,
  type ParentKind,
} from './attachment.entity';

const PARENT_KINDS = Object.keys(FILE_KINDS) as ParentKind[];
const ALL_FILE_KINDS = [...new Set(Object.values(FILE_KINDS).flat())];

/** The multipart field beside `file` on a bid. */
export class UploadBidAttachmentDto {
  @ApiProperty({ enum: BID_FILE_KINDS, description: 'proposal: the proposal document; cv: a member’s CV' })
  @IsIn(BID_FILE_KINDS)
  kind!: BidFileKind;
}

export class AttachmentDownloadQuery {
  @ApiProperty({ required: false, description: 'A signed token from the link route (instead of a bearer token)' })
  @IsOptional()
  @IsString()
  token?: string;
}

export class MatchingAttachmentView extends StoredFileView {
  @ApiProperty({ enum: PARENT_KINDS }) parentKind!: ParentKind;
  @ApiProperty({ format: 'uuid' }) parentId!: string;
  @ApiProperty({ enum: ALL_FILE_KINDS }) kind!: FileKind;
}

export function toAttachmentView(attachment: MatchingAttachment): MatchingAttachmentView {
  return {
    id: attachment.id,
    parentKind: attachment.parentKind,
    parentId: attachment.parentId,
    kind: attachment.kind,
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    uploadedBy: attachment.uploadedBy,
    createdAt: attachment.createdAt.toISOString(),
  };
}
