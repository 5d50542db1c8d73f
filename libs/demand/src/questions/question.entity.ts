import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AnswererRole = 'enterprise' | 'advisor';

/** A team's question on a published need (答疑), its answer and the office's moderation. */
@Entity({ schema: 'demand', name: 'question' })
export class Question {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') demandId!: string;
  /** The asking team: shown only to the need's owner, its advisors and admin. */
  @Column('uuid') askerOrganisationId!: string;
  @Column('uuid') askedBy!: string;
  @Column('text') body!: string;
  @Column('timestamptz') askedAt!: Date;
  @Column('text', { nullable: true }) answer!: string | null;
  @Column('uuid', { nullable: true }) answeredBy!: string | null;
  @Column('text', { nullable: true }) answeredByRole!: AnswererRole | null;
  @Column('timestamptz', { nullable: true }) answeredAt!: Date | null;
  @Column('timestamptz', { nullable: true }) hiddenAt!: Date | null;
  @Column('uuid', { nullable: true }) hiddenBy!: string | null;
  @Column('text', { nullable: true }) hiddenReason!: string | null;
  /** Bumped by every change; the version of its events. */
  @Column('integer') version!: number;
}

/** A question as listed: with the asking organisation's name. */
export interface QuestionRecord extends Question {
  askerName: string | null;
}
