import dayjs, { type Dayjs } from 'dayjs';
import type { Schema } from '../../api/types';
import type { Conversion } from './queries';
import { DAY, type NeedValues } from './recordForm';

type ConversionDto = Schema<'ConversionDto'>;
export type ConversionKind = ConversionDto['kind'];

/** The conversion form's values: the record's fields, with the signing date as a date picker value. */
export interface ConversionValues extends NeedValues {
  bidId?: string;
  engagementId?: string;
  /** Only picks the achievements and names the parties; the bid or achievement carries the team. */
  teamOrganisationId?: string;
  achievementId?: string;
  kind: ConversionKind;
  title: string;
  contractValue: number;
  signedOn: Dayjs;
  parties: string;
  evidenceRef: string;
}

export const TITLE_MAX = 100;

export function initialValues(
  organisationId: string | undefined,
  record: Conversion | undefined,
): Partial<ConversionValues> {
  if (!record) return { organisationId, kind: 'joint_development', signedOn: dayjs() };
  return {
    demandId: record.demandId ?? undefined,
    bidId: record.bidId ?? undefined,
    engagementId: record.engagementId ?? undefined,
    achievementId: record.achievementId ?? undefined,
    kind: record.kind,
    title: record.title,
    contractValue: record.contractValue,
    signedOn: dayjs(record.signedOn),
    parties: record.parties,
    evidenceRef: record.evidenceRef,
  };
}

/** The body of a save: the enterprise and the team only helped fill in the form and are not sent. */
export function toConversionDto(values: ConversionValues): ConversionDto {
  return {
    title: values.title,
    kind: values.kind,
    contractValue: values.contractValue,
    signedOn: values.signedOn.format(DAY),
    demandId: values.demandId,
    bidId: values.bidId,
    engagementId: values.engagementId,
    achievementId: values.achievementId,
    parties: values.parties,
    evidenceRef: values.evidenceRef,
  };
}
