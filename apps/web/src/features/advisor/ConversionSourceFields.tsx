import type { UseQueryResult } from '@tanstack/react-query';
import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AchievementField } from './AchievementField';
import type { Schema } from '../../api/types';
import { useVocabulary } from '../../shared/vocabulary';
import type { Engagement, Team } from './queries';

type Bid = Schema<'BidView'>;

interface ConversionSourceFieldsProps {
  demandId: string | undefined;
  teamOrganisationId: string | undefined;
  /** The bids on the chosen need. */
  bids: UseQueryResult<Bid[]>;
  engagements: UseQueryResult<Engagement[]>;
  teams: UseQueryResult<Team[]>;
}

const byWinnersFirst = (a: Bid, b: Bid) => Number(b.status === 'awarded') - Number(a.status === 'awarded');

/** What the contract converts: the need's bid and engagement, or a team's achievement. */
export function ConversionSourceFields({
  demandId,
  teamOrganisationId,
  bids,
  engagements,
  teams,
}: ConversionSourceFieldsProps) {
  const { t } = useTranslation('advisor');
  const { label } = useVocabulary();
  const needEngagements = (engagements.data ?? []).filter((engagement) => engagement.demandId === demandId);
  const achievements = teams.data?.find((team) => team.organisationId === teamOrganisationId)?.achievements ?? [];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="bidId" label={t('conversion.bid')}>
            <Select
              allowClear
              loading={bids.isFetching}
              notFoundContent={t(demandId ? 'conversion.noBids' : 'conversion.chooseNeedFirst')}
              options={[...(bids.data ?? [])].sort(byWinnersFirst).map((bid) => ({
                value: bid.id,
                label: t('conversion.bidOption', {
                  team: bid.teamName ?? '—',
                  status: label('bidStatus', bid.status),
                  budget: bid.budget.toLocaleString('zh-CN'),
                }),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="engagementId" label={t('conversion.engagement')}>
            <Select
              allowClear
              loading={engagements.isPending}
              notFoundContent={t(demandId ? 'conversion.noEngagements' : 'conversion.chooseNeedFirst')}
              options={needEngagements.map((engagement) => ({
                value: engagement.id,
                label: t('conversion.engagementOption', {
                  team: engagement.teamName ?? '—',
                  status: label('engagementStatus', engagement.status),
                }),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="teamOrganisationId" label={t('form.team')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={teams.isPending}
              options={teams.data?.map((team) => ({ value: team.organisationId, label: team.name ?? '—' }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <AchievementField teamOrganisationId={teamOrganisationId} achievements={achievements} />
        </Col>
      </Row>
    </>
  );
}
