import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COOPERATION_MODES,
  type CooperationMode,
  DISTRICTS,
  type District,
  INDUSTRIES,
  type Industry,
} from '@jiebang/contracts';
import { trim } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type { SubscriptionKind, SubscriptionRow } from './subscription.entity';

const KINDS: SubscriptionKind[] = ['need', 'search', 'profile'];

export class CreateSubscriptionDto {
  @ApiProperty({
    enum: KINDS,
    description: '`need`: follow a published need; `search`: save a search; `profile`: my team profile acts as one',
  })
  @IsIn(KINDS)
  kind!: SubscriptionKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The need to follow (kind `need`)' })
  @ValidateIf((dto: CreateSubscriptionDto) => dto.kind === 'need')
  @IsUUID()
  demandId?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '稀土永磁', description: 'The saved search’s name (kind `search`)' })
  @ValidateIf((dto: CreateSubscriptionDto) => dto.kind === 'search')
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  name?: string;

  @ApiPropertyOptional({ maxLength: 100, example: '钐钴 永磁', description: 'Words that must all occur' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  query?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INDUSTRIES.length)
  @ArrayUnique()
  @IsIn(INDUSTRIES, { each: true })
  industries?: Industry[];

  @ApiPropertyOptional({ enum: DISTRICTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DISTRICTS.length)
  @ArrayUnique()
  @IsIn(DISTRICTS, { each: true })
  districts?: District[];

  @ApiPropertyOptional({ enum: COOPERATION_MODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COOPERATION_MODES.length)
  @ArrayUnique()
  @IsIn(COOPERATION_MODES, { each: true })
  cooperationModes?: CooperationMode[];
}

export class SubscriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KINDS }) kind!: SubscriptionKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) demandId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The followed need’s title' }) demandTitle!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) bidDeadline!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty() query!: string;
  @ApiProperty({ enum: INDUSTRIES, isArray: true }) industries!: Industry[];
  @ApiProperty({ enum: DISTRICTS, isArray: true }) districts!: District[];
  @ApiProperty({ enum: COOPERATION_MODES, isArray: true }) cooperationModes!: CooperationMode[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SubscriptionList {
  @ApiProperty({ type: [SubscriptionView] }) items!: SubscriptionView[];
}

export function toSubscriptionView(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    kind: row.kind,
    demandId: row.demandId,
    demandTitle: row.demandTitle,
    bidDeadline: row.bidDeadline?.toISOString() ?? null,
    name: row.name,
    query: row.query,
    industries: row.industries,
    districts: row.districts,
    cooperationModes: row.cooperationModes,
    createdAt: row.createdAt.toISOString(),
  };
}
