import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import type { Demand, Engagement } from './queries';

/** Fields every record form shares: the enterprise only narrows the needs and is never sent. */
export interface NeedValues {
  organisationId?: string;
  demandId?: string;
}

export const DAY = 'YYYY-MM-DD';

/**
 * Keeps the enterprise and the need consistent: choosing a need selects its enterprise; choosing
 * another enterprise lets go of a need that is not one of its own.
 */
export function syncNeed(form: FormInstance, changed: NeedValues, demands: readonly Demand[]): void {
  if (changed.demandId) {
    const owner = demands.find((need) => need.id === changed.demandId)?.owner.id;
    if (owner) form.setFieldsValue({ organisationId: owner });
  }
  if ('organisationId' in changed) {
    const need = demands.find((candidate) => candidate.id === form.getFieldValue('demandId'));
    if (need && changed.organisationId && need.owner.id !== changed.organisationId) {
      form.setFieldsValue({ demandId: undefined });
    }
  }
}

/**
 * A record being corrected names its need but not the enterprise: once the needs are loaded, the
 * enterprise field shows the need's owner (unless the advisor chose one already).
 */
export function useNeedOwner(
  form: FormInstance,
  demandId: string | null | undefined,
  demands?: readonly Demand[],
): void {
  useEffect(() => {
    const owner = demands?.find((need) => need.id === demandId)?.owner.id;
    if (owner && !form.getFieldValue('organisationId')) form.setFieldsValue({ organisationId: owner });
  }, [form, demandId, demands]);
}

/**
 * Fills in a field the user has not edited themselves: a suggestion, never an overwrite. It stays
 * untouched (setFieldsValue would mark it touched), so a later, better suggestion may replace it.
 */
export function suggest(form: FormInstance, name: string, value: unknown): void {
  if (!form.isFieldTouched(name)) form.setFields([{ name, value, touched: false }]);
}

/** The engagement that grew out of a bid, if the bid won. */
export function engagementOfBid(engagements: readonly Engagement[], bidId: string | undefined): Engagement | undefined {
  return bidId ? engagements.find((engagement) => engagement.bidId === bidId) : undefined;
}
