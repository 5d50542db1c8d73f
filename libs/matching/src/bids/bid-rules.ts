import type { FieldError } from '@jiebang/platform';
import type { IndicatorResponse, PlannedMilestone } from './bid.entity';

/** Cross-field rules of a proposal that field validation cannot express. */
export function proposalErrors(
  proposal: { indicatorResponses?: IndicatorResponse[]; milestones?: PlannedMilestone[] },
  indicatorNames: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (proposal.indicatorResponses) {
    const answered = proposal.indicatorResponses.map((r) => r.indicator);
    for (const name of indicatorNames) {
      if (!answered.includes(name)) {
        errors.push({ field: 'indicatorResponses', message: `no response to indicator ${name}` });
      }
    }
    proposal.indicatorResponses.forEach((response, index) => {
      if (!indicatorNames.includes(response.indicator)) {
        errors.push({ field: `indicatorResponses[${index}].indicator`, message: 'not an indicator of this need' });
      } else if (answered.indexOf(response.indicator) !== index) {
        errors.push({ field: `indicatorResponses[${index}].indicator`, message: 'answered twice' });
      }
    });
  }
  if (proposal.milestones) {
    const total = proposal.milestones.reduce((sum, m) => sum + Math.round(m.paymentShare * 100), 0);
    if (total !== 100_00) {
      errors.push({ field: 'milestones', message: `payment shares add up to ${total / 100}%, not 100%` });
    }
    proposal.milestones.forEach((milestone, index) => {
      if (index > 0 && milestone.dueDate <= proposal.milestones![index - 1].dueDate) {
        errors.push({ field: `milestones[${index}].dueDate`, message: 'must be after the previous milestone' });
      }
    });
  }
  return errors;
}
