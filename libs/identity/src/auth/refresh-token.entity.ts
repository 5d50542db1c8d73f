import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A refresh token, stored as a SHA-256 of its secret. Tokens rotate on use; presenting a used
 * one again revokes its whole family (a stolen token is worth one refresh at most).
 */
@Entity({ schema: 'identity', name: 'refresh_token' })
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('uuid') familyId!: string;
  @Column('bytea') secretHash!: Buffer;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
