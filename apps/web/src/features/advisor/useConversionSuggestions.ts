import type { FormInstance } from 'antd';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { useVocabulary } from '../../shared/vocabulary';
import { type ConversionKind, type ConversionValues, TITLE_MAX } from './conversionForm';
import type { Conversion, Demand, Engagement, Organisation, Team } from './queries';
import { engagementOfBid, suggest, syncNeed } from './recordForm';

type Bid = Schema<'BidView'>;

/** The conversion a need's cooperation mode usually ends in. */
const KIND_OF_MODE: Record<Demand['cooperationMode'], ConversionKind> = {
  transfer: 'transfer',
  licence: 'licence',
  development: 'joint_development',
  joint_rd: 'joint_development',
  consulting: 'joint_development',
};

/** What the form chooses from, as loaded so far. */
interface Choices {
  demands: readonly Demand[] | undefined;
  organisations: readonly Organisation[] | undefined;
  teams: readonly Team[] | undefined;
  engagements: readonly Engagement[] | undefined;
  /** The bids on the chosen need. */
  bids: readonly Bid[] | undefined;
}

/**
 * Choosing the need suggests the rest of a conversion: its kind, title, parties and winning bid
 * (with the bid's engagement, team and value). Typed values are never overwritten.
 * Returns the form's onValuesChange.
 */
export function useConversionSuggestions(
  form: FormInstance<ConversionValues>,
  record: Conversion | undefined,
  demandId: string | undefined,
  { demands, organisations, teams, engagements, bids }: Choices,
): (changed: Partial<ConversionValues>) => void {
  const { t } = useTranslation('advisor');
  const { label } = useVocabulary();

  // A corrected record's achievement shows under its team, which the record itself does not name.
  useEffect(() => {
    const owner = teams?.find((team) => team.achievements.some((item) => item.id === record?.achievementId));
    if (owner && !form.getFieldValue('teamOrganisationId'))
      form.setFieldsValue({ teamOrganisationId: owner.organisationId });
  }, [form, record, teams]);

  const need = (id = form.getFieldValue('demandId') as string | undefined) =>
    demands?.find((candidate) => candidate.id === id);

  const suggestTitle = () => {
    const current = need();
    if (!current) return;
    const kind = label('conversionKind', form.getFieldValue('kind') as ConversionKind);
    suggest(form, 'title', t('conversion.defaultTitle', { need: current.title, kind }).slice(0, TITLE_MAX));
  };

  const suggestParties = () => {
    const enterprise = organisations?.find((candidate) => candidate.id === form.getFieldValue('organisationId'));
    const team = teams?.find((candidate) => candidate.organisationId === form.getFieldValue('teamOrganisationId'));
    const names = [enterprise?.name, team?.name].filter(Boolean);
    if (names.length > 0) suggest(form, 'parties', names.join('；'));
  };

  const chooseTeam = (teamId: string | undefined) => {
    if (teamId === form.getFieldValue('teamOrganisationId')) return;
    form.setFieldsValue({ teamOrganisationId: teamId, achievementId: undefined });
    suggestParties();
  };

  const chooseBid = (bid: Bid | undefined) => {
    form.setFieldsValue({ bidId: bid?.id, engagementId: engagementOfBid(engagements ?? [], bid?.id)?.id });
    if (!bid) return;
    chooseTeam(bid.teamOrganisationId);
    suggest(form, 'contractValue', bid.budget);
  };

  // A need with exactly one winning bid: that bid (and its engagement) is what was converted.
  // Not for the need of a record being corrected: its bid is what the advisor recorded.
  const pickedFor = useRef<string | undefined>(record?.demandId ?? undefined);
  const pickWinner = useEffectEvent((id: string, lodged: readonly Bid[]) => {
    if (pickedFor.current === id) return;
    pickedFor.current = id;
    const winners = lodged.filter((bid) => bid.status === 'awarded');
    if (winners.length === 1 && !form.getFieldValue('bidId')) chooseBid(winners[0]);
  });
  useEffect(() => {
    if (demandId && bids) pickWinner(demandId, bids);
  }, [demandId, bids]);

  return (changed) => {
    syncNeed(form, changed, demands ?? []);
    if ('demandId' in changed) {
      form.setFieldsValue({ bidId: undefined, engagementId: undefined });
      const current = need(changed.demandId);
      if (current) suggest(form, 'kind', KIND_OF_MODE[current.cooperationMode]);
      suggestTitle();
      suggestParties();
    }
    if ('organisationId' in changed) {
      if (!form.getFieldValue('demandId')) form.setFieldsValue({ bidId: undefined, engagementId: undefined });
      suggestParties();
    }
    if ('bidId' in changed) chooseBid(bids?.find((bid) => bid.id === changed.bidId));
    if ('engagementId' in changed) {
      const engagement = engagements?.find((candidate) => candidate.id === changed.engagementId);
      if (engagement) chooseBid(bids?.find((bid) => bid.id === engagement.bidId));
    }
    if ('teamOrganisationId' in changed) {
      form.setFieldsValue({ achievementId: undefined });
      suggestParties();
    }
    if ('kind' in changed) suggestTitle();
  };
}
