import { ApiProperty } from '@nestjs/swagger';
import { StoredFileView } from '@jiebang/platform';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DEMAND_ATTACHMENT_PARTS, type DemandAttachment, type DemandAttachmentPart } from './demand-attachment.entity';

/** The multipart fields beside `file`. */
export class UploadDemandAttachmentDto {
  @ApiProperty({
    enum: DEMAND_ATTACHMENT_PARTS,
    description: 'public: read with the published need; confidential: as its confidential details',
  })
  @IsIn(DEMAND_ATTACHMENT_PARTS)
  part!: DemandAttachmentPart;
}

export class DownloadQuery {
  @ApiProperty({ required: false, description: 'A signed token from the link route (instead of a bearer token)' })
  @IsOptional()
  @IsString()
  token?: string;
}

export class DemandAttachmentView extends StoredFileView {
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty({ enum: DEMAND_ATTACHMENT_PARTS }) part!: DemandAttachmentPart;
}

export function toDemandAttachmentView(attachment: DemandAttachment): DemandAttachmentView {
  return {
    id: attachment.id,
    demandId: attachment.demandId,
    part: attachment.part,
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    uploadedBy: attachment.uploadedBy,
    createdAt: attachment.createdAt.toISOString(),
  };
}
