import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMeta, PageQuery } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { InboxItem, NotificationParams } from './notification.entity';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread messages' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'bid_submitted' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'What the template of `kind` needs, for rendering in the reader’s language; empty on old messages',
  })
  params!: NotificationParams;
  @ApiProperty({ nullable: true, type: String, description: 'Where in the app it points' }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
}

export class NotificationPage extends PageMeta {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty() unread!: number;
}

export class UnreadCountView {
  @ApiProperty() unread!: number;
}

export function toNotificationView(n: InboxItem): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    params: n.params,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
