import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { useSuitableTeams } from './queries';
import { MUTED } from './tone';

const SHOWN = 5;

/** Teams whose expertise fits the need, with the shared terms that explain why. */
export function SuitableTeams({ demandId }: { demandId: string }) {
  const { t } = useTranslation('hall');
  const teams = useSuitableTeams(demandId);
  return (
    <QueryState
      query={teams}
      isEmpty={(data) => data.length === 0}
      empty={<Typography.Text style={{ color: MUTED }}>{t('demand.noTeams')}</Typography.Text>}
    >
      {(data) => (
        <ol aria-label={t('demand.teams')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.slice(0, SHOWN).map((team) => (
            <li key={team.id} style={{ padding: '8px 0', borderBottom: '1px dashed #f0f0f0' }}>
              <Typography.Text strong>
                {team.rank}. {team.name}
              </Typography.Text>
              {team.matchedTerms.length > 0 && (
                <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
                  <Typography.Text style={{ color: MUTED, fontSize: 12 }}>{t('demand.matched')}</Typography.Text>
                  {team.matchedTerms.map((term) => (
                    <Tag key={term} style={{ marginInlineEnd: 0, fontSize: 12 }}>
                      {term}
                    </Tag>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}
