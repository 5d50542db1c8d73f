import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@jiebang/contracts';
import { PageMeta, PageQuery, trim } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { OrganisationMemberView, OrganisationView } from '../organisations/organisation.dto';
import type { User } from './user.entity';

/** Fields every account has, shared by self-registration and admin-created accounts. */
export class AccountFieldsDto {
  @ApiProperty({ example: 'rd-lead@example.cn', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 10, maxLength: 128, example: 'a-long-passphrase' })
  @IsString()
  @Length(10, 128, { message: 'password must be 10 to 128 characters long' })
  password!: string;

  @ApiProperty({ example: '王工', minLength: 1, maxLength: 50 })
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  displayName!: string;
}

export const ADMIN_CREATED_ROLES = ['advisor', 'admin'] as const;

export class CreateUserDto extends AccountFieldsDto {
  @ApiProperty({ enum: ADMIN_CREATED_ROLES })
  @IsIn(ADMIN_CREATED_ROLES)
  role!: (typeof ADMIN_CREATED_ROLES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'The office or institution the account belongs to' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deactivatedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class UserPage extends PageMeta {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
}

export class MeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: OrganisationMemberView, nullable: true }) organisation!: OrganisationMemberView | null;
  @ApiProperty({ type: [OrganisationView], description: 'For advisors: the enterprises they serve' })
  servedOrganisations!: OrganisationView[];
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    active: user.active,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
