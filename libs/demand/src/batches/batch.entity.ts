import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A batch (榜单) of approved needs, published together at a release event (榜单发布会). */
@Entity({ schema: 'demand', name: 'batch' })
export class Batch {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') title!: string;
  /** ISO date of the release event. */
  @Column('date') releaseDate!: string;
  @Column('text') venue!: string;
  @Column('timestamptz') defaultBidDeadline!: Date;
  @Column('text') status!: 'draft' | 'published';
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  @Column('uuid') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('integer') version!: number;
}
