import type { OrganisationKind } from '@jiebang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

@Entity({ schema: 'identity', name: 'organisation' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: OrganisationKind;
  /** Shown to members; a new colleague registers with it to join. */
  @Column('text') joinCode!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @VersionColumn() version!: number;
}
