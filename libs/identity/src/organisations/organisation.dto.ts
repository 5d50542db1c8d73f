import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@jiebang/contracts';
import { PageMeta, PageQuery } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { Organisation } from './organisation.entity';

export class NewOrganisationDto {
  @ApiProperty({ example: '绵阳示例精密制造有限公司', minLength: 2, maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 100)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;
}

export class OrganisationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ description: 'Part of the name', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
}

/** What members and admin see: includes the code colleagues register with. */
export class OrganisationMemberView extends OrganisationView {
  @ApiProperty({ description: 'Give this to a colleague so they can join when registering' }) joinCode!: string;
}

export class OrganisationPage extends PageMeta {
  @ApiProperty({ type: [OrganisationMemberView] }) items!: OrganisationMemberView[];
}

export function toOrganisationView(organisation: Organisation): OrganisationView {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind };
}

export function toOrganisationMemberView(organisation: Organisation): OrganisationMemberView {
  return { ...toOrganisationView(organisation), joinCode: organisation.joinCode };
}
