import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The storage owner of demand's files: keys `demand/<uuid>`, swept by demand's services. */
export const DEMAND_FILES = 'demand';

export const DEMAND_ATTACHMENT_PARTS = ['public', 'confidential'] as const;
export type DemandAttachmentPart = (typeof DEMAND_ATTACHMENT_PARTS)[number];

const bigint = { to: (value: number) => value, from: (value: string) => Number(value) };

/** A file on a need; its part decides who reads it (the published need's readers, or its confidential fields'). */
@Entity({ schema: 'demand', name: 'attachment' })
export class DemandAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') demandId!: string;
  @Column('text') part!: DemandAttachmentPart;
  @Column('text') storageKey!: string;
  @Column('text') filename!: string;
  @Column('text') contentType!: string;
  @Column('bigint', { name: 'size_bytes', transformer: bigint }) size!: number;
  @Column('text') sha256!: string;
  @Column('uuid') uploadedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
