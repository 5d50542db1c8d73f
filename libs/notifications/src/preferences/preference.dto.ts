import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { ALERT_KINDS, type AlertKind } from './alert-kinds';

export class PreferenceDto {
  @ApiProperty({
    enum: ALERT_KINDS,
    description:
      '`need_matched`: a new need answers a saved search or my profile; `deadline_reminder`: a followed need closes in 7 days / 1 day; `followed_status`: a followed need changes status; `followed_answer`: a question on a followed need is answered (答疑)',
  })
  @IsIn(ALERT_KINDS)
  kind!: AlertKind;

  @ApiProperty({ description: 'Show it in my inbox' })
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty({ description: 'Email it (when the platform sends email)' })
  @IsBoolean()
  email!: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALERT_KINDS.length)
  // Each item an object: class-validator would otherwise validate a nested array's items instead.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  items!: PreferenceDto[];
}

export class PreferencesView {
  @ApiProperty({ type: [PreferenceDto], description: 'Every alert kind, defaults included' }) items!: PreferenceDto[];
}

export class UnsubscribeDto {
  @ApiProperty({ description: 'The signed token of the link in the email' })
  @IsString()
  @Length(1, 200)
  token!: string;
}

export class UnsubscribeView {
  @ApiProperty({ enum: ALERT_KINDS, description: 'The alert whose emails stop' }) kind!: AlertKind;
  @ApiProperty({ example: false }) email!: boolean;
}
