import { ApiProperty } from '@nestjs/swagger';
import { PageMeta, trim } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { AnswererRole, QuestionRecord } from './question.entity';
import { type QuestionAudience, seesAsker } from './question-visibility';

export class AskQuestionDto {
  @ApiProperty({
    example: '指标中的“内禀矫顽力 ≥25 kOe”是在室温还是 150℃ 下测试？',
    minLength: 5,
    maxLength: 1000,
  })
  @Transform(trim)
  @IsString()
  @Length(5, 1000)
  question!: string;
}

export class AnswerQuestionDto {
  @ApiProperty({ example: '室温（20℃）下测试，同时提供 150℃ 下的退磁曲线作参考。', minLength: 2, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  answer!: string;
}

export class HideQuestionDto {
  @ApiProperty({ example: '含有与需求无关的广告内容', minLength: 2, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  reason!: string;
}

export class QuestionAskerView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class QuestionHiddenView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
}

export class QuestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ format: 'date-time' }) askedAt!: string;
  @ApiProperty({ description: "Asked by the caller's own team" }) mine!: boolean;
  @ApiProperty({
    type: QuestionAskerView,
    nullable: true,
    description: "The asking team: only for the need's owner, its advisors and admin",
  })
  asker!: QuestionAskerView | null;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, enum: ['enterprise', 'advisor'], description: 'The owner or its advisor' })
  answeredByRole!: AnswererRole | null;
  @ApiProperty({
    type: QuestionHiddenView,
    nullable: true,
    description: 'Set when the office hid it: only admin and the asking team see a hidden question',
  })
  hidden!: QuestionHiddenView | null;
}

export class QuestionPage extends PageMeta {
  @ApiProperty({ type: [QuestionView] }) items!: QuestionView[];
  @ApiProperty({ description: 'The caller may ask now: a team, the need open for bidding' }) mayAsk!: boolean;
  @ApiProperty({ description: "The caller may answer: the need's owner or its advisor" }) mayAnswer!: boolean;
  @ApiProperty({ description: 'The caller may hide and show questions: admin' }) mayModerate!: boolean;
}

export function toQuestionView(
  question: QuestionRecord,
  audience: QuestionAudience,
  callerOrganisationId: string | null,
): QuestionView {
  const mine = question.askerOrganisationId === callerOrganisationId;
  return {
    id: question.id,
    demandId: question.demandId,
    question: question.body,
    askedAt: question.askedAt.toISOString(),
    mine,
    asker: seesAsker(audience) ? { organisationId: question.askerOrganisationId, name: question.askerName } : null,
    answer: question.answer,
    answeredAt: question.answeredAt?.toISOString() ?? null,
    answeredByRole: question.answeredByRole,
    hidden:
      question.hiddenAt && (audience.kind === 'all' || mine)
        ? { at: question.hiddenAt.toISOString(), reason: question.hiddenReason ?? '' }
        : null,
  };
}
