import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { OrganisationView } from '../organisations/organisation.dto';

export class AssignOrganisationsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The complete set of enterprises the advisor serves' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organisationIds!: string[];
}

export class AdvisorPortfolioView {
  @ApiProperty({ format: 'uuid' }) advisorId!: string;
  @ApiProperty({ type: [OrganisationView] }) organisations!: OrganisationView[];
}
