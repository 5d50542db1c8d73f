import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SELF_REGISTERED_ROLES, type SelfRegisteredRole } from '@jiebang/contracts';
import { IsNestedObject } from '@jiebang/platform';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { NewOrganisationDto } from '../organisations/organisation.dto';
import { AccountFieldsDto, MeView } from '../users/user.dto';

export class RegisterDto extends AccountFieldsDto {
  @ApiProperty({ enum: SELF_REGISTERED_ROLES, description: 'advisor and admin accounts are created by an admin' })
  @IsIn(SELF_REGISTERED_ROLES, {
    message: 'role must be enterprise or team; advisor and admin accounts are created by an admin',
  })
  role!: SelfRegisteredRole;

  @ApiPropertyOptional({ type: NewOrganisationDto, description: 'Create a new organisation (give this or joinCode)' })
  @IsOptional()
  @IsNestedObject(() => NewOrganisationDto)
  organisation?: NewOrganisationDto;

  @ApiPropertyOptional({ description: 'Join an existing organisation with the code a member gave you' })
  @IsOptional()
  @IsString()
  @Length(6, 32)
  joinCode?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'rd-lead@example.cn' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @Length(10, 200)
  refreshToken!: string;
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Single use; exchange at /auth/refresh for a new pair' }) refreshToken!: string;
  @ApiProperty({ type: MeView }) user!: MeView;
}
