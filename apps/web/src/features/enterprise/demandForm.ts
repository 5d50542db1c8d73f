import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import type { DemandFull } from './queries';

type Fields = Required<Schema<'UpdateDemandDto'>>;

/** The editor's values: the need's fields, with the deadline as a date picker value. */
export interface DemandFormValues extends Omit<Fields, 'bidDeadline' | 'contactEmail' | 'confidentialDetails'> {
  organisationId?: string;
  bidDeadline?: Dayjs | null;
  contactEmail?: string;
  confidentialDetails?: string;
}

/** The server's limits (DemandFieldsDto), mirrored so most mistakes never leave the browser. */
export const LIMITS = {
  title: [4, 60],
  summary: [10, 300],
  background: [10, 2000],
  indicatorText: 40,
  indicatorUnit: 20,
  indicators: 10,
  keywords: 8,
  keyword: 20,
  bounty: [1, 100_000],
  leads: [2, 10],
  confidential: 2000,
  contactName: [1, 20],
} as const;

/** Mainland mobile or landline, the server's pattern. */
export const PHONE = /^(\+?86[- ]?)?(1\d{2}[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-?\d{7,8})$/;

/** A form rule's answer: the first problem found, or none. */
export function verdict(problem: string | false | null | undefined): Promise<void> {
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
}

/** The rules several of the editor's fields share. */
export function useFieldRules() {
  const { t } = useTranslation('enterprise');
  // The server trims before it counts, so the lower bound is checked on the trimmed text.
  const length = ([min, max]: readonly [number, number]) => [
    { required: true, whitespace: true, message: t('rules.required') },
    { max, message: t('rules.length', { min, max }) },
    {
      validator: (_: unknown, value: string | undefined) => {
        const size = value?.trim().length ?? 0;
        return verdict(size > 0 && size < min && t('rules.length', { min, max }));
      },
    },
  ];
  const required = [{ required: true, message: t('rules.required') }];
  return { length, required };
}

export const EMPTY_INDICATOR = { name: '', target: '', unit: '' };

export const NEW_DEMAND: Partial<DemandFormValues> = {
  indicators: [EMPTY_INDICATOR],
  keywords: [],
  awardMode: 'single',
  awardLeads: 1,
};

export function fromDemand(demand: DemandFull): DemandFormValues {
  return {
    title: demand.title,
    summary: demand.summary,
    background: demand.background,
    indicators: demand.indicators,
    outcomeForm: demand.outcomeForm,
    industry: demand.industry,
    keywords: demand.keywords,
    district: demand.district,
    bountyMin: demand.bountyMin,
    bountyMax: demand.bountyMax,
    cooperationMode: demand.cooperationMode,
    awardMode: demand.awardMode,
    awardLeads: demand.awardLeads,
    bidDeadline: demand.bidDeadline ? dayjs(demand.bidDeadline) : null,
    confidentialDetails: demand.confidentialDetails,
    contactName: demand.contactName,
    contactPhone: demand.contactPhone,
    contactEmail: demand.contactEmail ?? undefined,
  };
}

/**
 * The body of a save. The server refuses unknown and null fields, so optional ones that are blank
 * are left out rather than sent empty.
 */
export function toFields(values: DemandFormValues): Schema<'UpdateDemandDto'> {
  const { organisationId: _organisation, bidDeadline, contactEmail, confidentialDetails, ...fields } = values;
  return {
    ...fields,
    indicators: fields.indicators.map((indicator) => ({ ...indicator, unit: indicator.unit ?? '' })),
    confidentialDetails: confidentialDetails ?? '',
    ...(bidDeadline ? { bidDeadline: bidDeadline.toISOString() } : {}),
    ...(contactEmail?.trim() ? { contactEmail: contactEmail.trim() } : {}),
  };
}

export function toCreateBody(values: DemandFormValues): Schema<'CreateDemandDto'> {
  return {
    ...(toFields(values) as Schema<'CreateDemandDto'>),
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
  };
}
