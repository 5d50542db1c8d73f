import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMeta, PageQuery, IsIsoDate, trim } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Length,
  IsIn,
  IsOptional,
} from 'class-validator';
import { DemandPublicView } from '../demands/demand.dto';
import type { Batch } from './batch.entity';

export class CreateBatchDto {
  @ApiProperty({ example: '2023年第一批关键核心技术需求榜单', minLength: 4, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  title!: string;

  @ApiProperty({ example: '2023-03-28', description: 'Date of the release event (榜单发布会)' })
  @IsIsoDate()
  releaseDate!: string;

  @ApiProperty({ example: '中国（绵阳）科技城科技会展中心', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  venue!: string;

  @ApiProperty({ format: 'date-time', description: 'Bid deadline of needs that set none' })
  @IsIsoDate()
  defaultBidDeadline!: string;
}

export class BatchDemandsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  demandIds!: string[];
}

export class BatchQuery extends PageQuery {}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format: 'xlsx' | 'csv' = 'xlsx';
}

export class BatchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2023-03-28' }) releaseDate!: string;
  @ApiProperty() venue!: string;
  @ApiProperty({ format: 'date-time' }) defaultBidDeadline!: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: 'draft' | 'published';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ description: 'Needs in the batch' }) demandCount!: number;
}

export class BatchDetailView extends BatchView {
  @ApiProperty({ type: [DemandPublicView] }) demands!: DemandPublicView[];
}

/** A `BatchDetailView` around its needs already serialised (a JSON array's text). */
export function batchDetailJson(batch: BatchView, demands: string): string {
  return `${JSON.stringify(batch).slice(0, -1)},"demands":${demands}}`;
}

export class BatchPage extends PageMeta {
  @ApiProperty({ type: [BatchView] }) items!: BatchView[];
}

export function toBatchView(batch: Batch, demandCount: number): BatchView {
  return {
    id: batch.id,
    title: batch.title,
    releaseDate: batch.releaseDate,
    venue: batch.venue,
    defaultBidDeadline: batch.defaultBidDeadline.toISOString(),
    status: batch.status,
    publishedAt: batch.publishedAt?.toISOString() ?? null,
    demandCount,
  };
}
