import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { Deadline } from '../../../shared/Deadline';
import { bountyRange } from '../../../shared/format';
import { QueryState } from '../../../shared/QueryState';
import { useVocabulary } from '../../../shared/vocabulary';
import { useSuggestedDemands } from '../queries';
import { ButtonLink } from '../../../shared/ButtonLink';

type Suggestion = Schema<'DemandSuggestionView'>;

/** Open needs that fit the team's profile, best first, with the terms that made them fit. */
export function SuggestedDemands({ organisationId, hasProfile }: { organisationId?: string; hasProfile: boolean }) {
  const { t } = useTranslation('team');
  const suggestions = useSuggestedDemands(organisationId, hasProfile);

  if (!organisationId || !hasProfile) {
    return (
      <Empty description={t('suggested.needProfile')}>
        <ButtonLink to="/team/profile" type="primary">
          {t('home.createProfile')}
        </ButtonLink>
      </Empty>
    );
  }

  return (
    <QueryState
      query={suggestions}
      isEmpty={(items) => items.length === 0}
      empty={
        <Empty description={t('suggested.empty')}>
          <ButtonLink to="/hall">{t('suggested.toHall')}</ButtonLink>
        </Empty>
      }
    >
      {(items) => <SuggestionCards suggestions={items} />}
    </QueryState>
  );
}

function SuggestionCards({ suggestions }: { suggestions: Suggestion[] }) {
  return (
    <Row gutter={[16, 16]}>
      {suggestions.map((suggestion) => (
        <Col key={suggestion.id} xs={24} md={12} xl={8}>
          <SuggestionCard suggestion={suggestion} />
        </Col>
      ))}
    </Row>
  );
}

function SuggestionCard({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  return (
    <Card
      style={{ height: '100%' }}
      title={
        <Link to={`/demands/${suggestion.id}`} style={{ whiteSpace: 'normal' }}>
          {suggestion.name}
        </Link>
      }
      actions={[
        <Link key="bid" to={`/team/bids/new?demand=${suggestion.id}`}>
          {t('suggested.bid')}
        </Link>,
        <Link key="view" to={`/demands/${suggestion.id}`}>
          {t('suggested.view')}
        </Link>,
      ]}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'industry', label: t('demand.industry'), children: label('industry', suggestion.industry) },
          {
            key: 'bounty',
            label: t('demand.bounty'),
            children: bountyRange(suggestion.bountyMin, suggestion.bountyMax, common('unit.wan')),
          },
          { key: 'deadline', label: t('demand.deadline'), children: <Deadline at={suggestion.bidDeadline} /> },
        ]}
      />
      <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('suggested.matched')}</Typography.Text>
        {suggestion.matchedTerms.map((term) => (
          <Tag key={term} color="blue">
            {term}
          </Tag>
        ))}
      </Space>
      {suggestion.matchedAchievements.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
          {t('suggested.achievements')}
          {suggestion.matchedAchievements.join('；')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
