import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, PageQuery, Public, Roles, uuidParam } from '@jiebang/platform';
import { AnswerQuestionDto, AskQuestionDto, HideQuestionDto, QuestionPage, QuestionView } from './question.dto';
import { QuestionsService } from './questions.service';

@ApiTags('questions')
@Controller('api/v1/demands/:id/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "A need's questions (答疑): answered ones for everyone; a team's own, and the owner's, advisors' and admin's unanswered ones",
  })
  @ApiOkResponse({ type: QuestionPage })
  list(
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
    @CurrentUser('optional') caller: Principal | undefined,
  ): Promise<QuestionPage> {
    return this.questions.list(id, query, caller);
  }

  @Post()
  @Roles('team')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A team asks a question on a need open for bidding; its name stays hidden from other teams',
  })
  @ApiCreatedResponse({ type: QuestionView })
  ask(
    @Param('id', uuidParam()) id: string,
    @Body() body: AskQuestionDto,
    @CurrentUser() caller: Principal,
  ): Promise<QuestionView> {
    return this.questions.ask(id, body, caller);
  }

  @Post(':questionId/answer')
  @HttpCode(200)
  @Roles('enterprise', 'advisor')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The need's owner or its advisor answers a question, once; the answer is public" })
  @ApiOkResponse({ type: QuestionView })
  answer(
    @Param('id', uuidParam()) id: string,
    @Param('questionId', uuidParam()) questionId: string,
    @Body() body: AnswerQuestionDto,
    @CurrentUser() caller: Principal,
  ): Promise<QuestionView> {
    return this.questions.answer(id, questionId, body, caller);
  }

  @Post(':questionId/hide')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The office hides an improper question, with a reason' })
  @ApiOkResponse({ type: QuestionView })
  hide(
    @Param('id', uuidParam()) id: string,
    @Param('questionId', uuidParam()) questionId: string,
    @Body() body: HideQuestionDto,
    @CurrentUser() caller: Principal,
  ): Promise<QuestionView> {
    return this.questions.hide(id, questionId, body, caller);
  }

  @Post(':questionId/unhide')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The office shows a hidden question again' })
  @ApiOkResponse({ type: QuestionView })
  unhide(
    @Param('id', uuidParam()) id: string,
    @Param('questionId', uuidParam()) questionId: string,
    @CurrentUser() caller: Principal,
  ): Promise<QuestionView> {
    return this.questions.show(id, questionId, caller);
  }
}
