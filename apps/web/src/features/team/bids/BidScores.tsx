import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../../shared/vocabulary';
import { useShortlist } from '../queries';

const CRITERIA = ['feasibility', 'capability', 'cost', 'timeline'] as const;

/** The bid's review scores, for those who may read the need's shortlist (owner, advisor, reviewers, admin). */
export function BidScores({ bidId, demandId }: { bidId: string; demandId: string }) {
  const { t } = useTranslation('team');
  const { label } = useVocabulary();
  const shortlist = useShortlist(demandId);
  const entry = shortlist.data?.entries.find((candidate) => candidate.bidId === bidId);
  // No scores yet, or not ours to see: nothing to show rather than an error.
  if (!entry?.averages || entry.weightedTotal === null) return null;
  const averages = entry.averages;
  return (
    <Card title={t('bidPage.scores')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'total', label: t('bidPage.weightedTotal'), children: Math.round(entry.weightedTotal * 100) / 100 },
          { key: 'rank', label: t('bidPage.rank'), children: entry.rank ?? '—' },
          { key: 'reviewers', label: t('bidPage.reviewers'), children: entry.reviewers },
          ...CRITERIA.map((criterion) => ({
            key: criterion,
            label: label('criterion', criterion),
            children: averages[criterion].toFixed(1),
          })),
        ]}
      />
    </Card>
  );
}
