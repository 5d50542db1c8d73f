import { trim } from '@jiebang/platform';
import { ApiProperty } from '@nestjs/swagger';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '@jiebang/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';

export class LosingBidFeedbackDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  @IsIn(FEEDBACK_CATEGORIES)
  category!: FeedbackCategory;

  @ApiProperty({ example: '技术路线可行，但中试验证周期超出企业要求。', minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(5, 1000)
  text!: string;
}

export class AwardDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The winning bids: exactly as many as the need allows (1, or N for 赛马), or every bid if fewer',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  winnerBidIds!: string[];

  @ApiProperty({ type: [LosingBidFeedbackDto], description: 'Feedback for every other submitted bid' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => LosingBidFeedbackDto)
  feedback!: LosingBidFeedbackDto[];
}

export class AwardView {
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) winnerBidIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) engagementIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) notSelectedBidIds!: string[];
}
