import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The storage owner of matching's files: keys `matching/<uuid>`, swept by matching's services. */
export const MATCHING_FILES = 'matching';

/** What a file may be on each kind of parent (the table checks the same). */
export const FILE_KINDS = {
  bid: ['proposal', 'cv'],
  milestone: ['deliverable'],
  conversion: ['evidence'],
  message: ['file'],
} as const;

export type ParentKind = keyof typeof FILE_KINDS;
export type FileKind = (typeof FILE_KINDS)[ParentKind][number];
export const BID_FILE_KINDS = FILE_KINDS.bid;
export type BidFileKind = (typeof BID_FILE_KINDS)[number];

const bigint = { to: (value: number) => value, from: (value: string) => Number(value) };

/** A file on a bid, a milestone, a conversion or an engagement message; its parent's rules decide who reads and changes it. */
@Entity({ schema: 'matching', name: 'attachment' })
export class MatchingAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') parentKind!: ParentKind;
  @Column('uuid') parentId!: string;
  @Column('text') kind!: FileKind;
  @Column('text') storageKey!: string;
  @Column('text') filename!: string;
  @Column('text') contentType!: string;
  @Column('bigint', { name: 'size_bytes', transformer: bigint }) size!: number;
  @Column('text') sha256!: string;
  @Column('uuid') uploadedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
