import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Principal, ROLES, type Role } from '@jiebang/contracts';
import { trim } from '@jiebang/platform';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MatchingAttachmentView } from '../attachments/attachment.dto';
import type { MessageRow } from './thread.repository';

export const MESSAGE_MAX_LENGTH = 4000;
/** Places are PostgreSQL integers. */
const SEQ_MAX = 2_147_483_647;

export class PostMessageDto {
  @ApiProperty({ example: '第一阶段的样品已寄出，快递单号 SF1234567890，请查收。', minLength: 1, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(1, MESSAGE_MAX_LENGTH)
  body!: string;
}

/** A window of the thread: by default its latest messages; `after` reads on, `before` reads back. */
export class ThreadQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: SEQ_MAX, description: 'Messages after this place (seq), oldest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  after?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: SEQ_MAX,
    description: 'Messages before this place (seq), the latest of them',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEQ_MAX)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;
}

export class MarkReadDto {
  @ApiProperty({ format: 'uuid', description: 'The last message read: it and everything before it count as read' })
  @IsUUID()
  messageId!: string;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Place in the thread: 1, 2, 3 … in the order the messages were posted' }) seq!: number;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ enum: ROLES }) authorRole!: Role;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) authorOrganisationName!: string | null;
  @ApiProperty({ description: 'Written by the caller' }) mine!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [MatchingAttachmentView], description: 'Files its author attached, oldest first' })
  files!: MatchingAttachmentView[];
}

export class ThreadReadView {
  @ApiProperty({ description: 'Place of the thread’s last message (0: none yet)' }) lastSeq!: number;
  @ApiProperty({ description: 'The caller has read up to this place (0: nothing)' }) readUpTo!: number;
  @ApiProperty({ description: 'Messages by others after the caller’s read marker' }) unread!: number;
}

export class ThreadPage extends ThreadReadView {
  @ApiProperty({ type: [MessageView] }) items!: MessageView[];
  @ApiProperty({ description: 'More messages lie beyond this window in the direction read' }) hasMore!: boolean;
  @ApiProperty({ description: 'The caller may post: the engagement is still open (awarded or in progress)' })
  writable!: boolean;
}

export function toMessageView(row: MessageRow, caller: Principal, files: MatchingAttachmentView[]): MessageView {
  return {
    id: row.id,
    seq: row.seq,
    body: row.body,
    authorId: row.authorId,
    authorRole: row.authorRole,
    authorName: row.authorName,
    authorOrganisationName: row.authorOrganisationName,
    mine: row.authorId === caller.userId,
    createdAt: row.createdAt.toISOString(),
    files,
  };
}
