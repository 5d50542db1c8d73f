import { CreateDateColumn, Column, Entity, PrimaryColumn } from 'typeorm';

/** An advisor (科技顾问) serves an enterprise organisation. */
@Entity({ schema: 'identity', name: 'advisor_assignment' })
export class AdvisorAssignment {
  @PrimaryColumn('uuid') advisorId!: string;
  @PrimaryColumn('uuid') organisationId!: string;
  @Column('uuid') assignedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) assignedAt!: Date;
}
