import type {
  AwardMode,
  CooperationMode,
  DemandStatus,
  District,
  Industry,
  OutcomeForm,
  TechnicalIndicator,
} from '@jiebang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

const numeric = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A technology need (技术需求): the aggregate the demand context is the system of record for. */
@Entity({ schema: 'demand', name: 'demand' })
export class Demand {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** MY-<year>-<seq>, assigned at approval. */
  @Column('text', { nullable: true }) code!: string | null;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text') background!: string;
  @Column('jsonb') indicators!: TechnicalIndicator[];
  @Column('text') outcomeForm!: OutcomeForm;
  @Column('text') industry!: Industry;
  @Column('text', { array: true }) keywords!: string[];
  @Column('text') district!: District;
  /** 万元 */
  @Column('numeric', { precision: 12, scale: 2, transformer: numeric }) bountyMin!: number;
  /** 万元 */
  @Column('numeric', { precision: 12, scale: 2, transformer: numeric }) bountyMax!: number;
  @Column('text') cooperationMode!: CooperationMode;
  @Column('text') awardMode!: AwardMode;
  @Column('integer') awardLeads!: number;
  @Column('timestamptz', { nullable: true }) bidDeadline!: Date | null;
  /** Never in public views or events: owner, advisor, admin and (after an award) winners only. */
  @Column('text') confidentialDetails!: string;
  @Column('text') contactName!: string;
  @Column('text') contactPhone!: string;
  @Column('text', { nullable: true }) contactEmail!: string | null;
  @Column('uuid') ownerOrganisationId!: string;
  @Column('uuid', { nullable: true }) advisorId!: string | null;
  @Column('uuid') createdBy!: string;
  @Column('text') status!: DemandStatus;
  @Column('uuid', { nullable: true }) batchId!: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  /** Bumped by every change; the ETag of the need and the version of its events. */
  @Column('integer') version!: number;
}
