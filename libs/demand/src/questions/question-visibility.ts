import type { Question } from './question.entity';

/**
 * Whose eyes a list of questions is for. `all`: admin, hidden ones included; `parties`: the need's
 * owner and its advisors, every question not hidden; `team`: a team, the answered ones and its own;
 * `public`: anyone else, the answered ones only.
 */
export type QuestionAudience =
  { kind: 'all' } | { kind: 'parties' } | { kind: 'team'; organisationId: string } | { kind: 'public' };

/** The rule the repository's SQL applies, for one question already in hand. */
export function visibleTo(
  question: Pick<Question, 'answeredAt' | 'hiddenAt' | 'askerOrganisationId'>,
  audience: QuestionAudience,
): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'parties':
      return question.hiddenAt === null;
    case 'team':
      return (
        question.askerOrganisationId === audience.organisationId ||
        (question.hiddenAt === null && question.answeredAt !== null)
      );
    case 'public':
      return question.hiddenAt === null && question.answeredAt !== null;
  }
}

/** The asking team is named only to those who may see it; a team knows its own questions as `mine`. */
export function seesAsker(audience: QuestionAudience): boolean {
  return audience.kind === 'all' || audience.kind === 'parties';
}
