import type { FieldError } from '@jiebang/platform';

interface Consistent {
  bountyMin: number;
  bountyMax: number;
  awardMode: 'single' | 'parallel';
  awardLeads: number;
}

/** Rules across fields, checked on the merged need so that partial edits obey them too. */
export function consistencyErrors(demand: Consistent, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (demand.bountyMax < demand.bountyMin) {
    errors.push({ field: `${prefix}bountyMax`, code: 'bountyRange', message: 'bountyMax must be at least bountyMin' });
  }
  if (demand.awardMode === 'single' && demand.awardLeads !== 1) {
    errors.push({ field: `${prefix}awardLeads`, code: 'awardLeads', message: 'a single-lead need has exactly 1 lead' });
  }
  if (demand.awardMode === 'parallel' && (demand.awardLeads < 2 || demand.awardLeads > 10)) {
    errors.push({
      field: `${prefix}awardLeads`,
      code: 'awardLeads',
      message: 'a parallel (赛马) need has 2 to 10 leads',
    });
  }
  return errors;
}
