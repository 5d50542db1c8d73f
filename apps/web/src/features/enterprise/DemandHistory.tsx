import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useVocabulary } from '../../shared/vocabulary';
import { useDemandHistory } from './queries';

const COLOURS: Record<string, string> = { return: 'orange', withdraw: 'gray', approve: 'green', award: 'green' };

/** Who moved the need, when, from which status to which, and why. */
export function DemandHistory({ demandId }: { demandId: string }) {
  const history = useDemandHistory(demandId);
  return (
    <QueryState query={history} isEmpty={(entries) => entries.length === 0}>
      {(entries) => <HistoryTimeline entries={entries} />}
    </QueryState>
  );
}

function HistoryTimeline({ entries }: { entries: Schema<'TransitionView'>[] }) {
  const { t, i18n } = useTranslation('enterprise');
  const { label } = useVocabulary();
  const actionLabel = (action: string) => {
    const key = `history.actions.${action}`;
    return i18n.exists(key, { ns: 'enterprise' }) ? t(key as 'history.actions.create') : action;
  };
  return (
    <Timeline
      items={[...entries].reverse().map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: COLOURS[entry.action] ?? 'blue',
        content: (
          <>
            <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>{' '}
            <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {entry.from && entry.from !== entry.to
                ? t('history.move', { from: label('demandStatus', entry.from), to: label('demandStatus', entry.to) })
                : label('demandStatus', entry.to)}
              {' · '}
              {entry.actorRole ? label('role', entry.actorRole) : t('history.system')}
            </Typography.Text>
            {entry.reason && entry.actorRole && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {t('history.reason', { reason: entry.reason })}
              </Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
  );
}
