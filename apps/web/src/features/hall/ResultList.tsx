import { Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { bountyRange, formatDate } from '../../shared/format';
import { useNow } from '../../shared/useNow';
import { useVocabulary } from '../../shared/vocabulary';
import { Highlighted } from './Highlighted';
import type { SearchHit } from './queries';
import { StatusTag } from './StatusTag';
import { ACCENT, MUTED } from './tone';

// The browser suite measures search time to first result from this mark: set once per page load.
let firstResultMarked = false;

const SUMMARY_STYLE = {
  margin: '4px 0 8px',
  color: 'rgba(0,0,0,0.72)',
  lineHeight: 1.7,
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

const DAY_MS = 24 * 3600 * 1000;
// antd's preset orange falls short of AA contrast at tag size: darker text on the same tints.
const CLOSING_SOON = { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' };
const DAYS_LEFT = { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' };

/** Whole days left to bid (the last day counts as one), or null once closed. */
function daysLeft(hit: SearchHit, now: number): number | null {
  if (hit.status !== 'published' || !hit.bidDeadline) return null;
  const left = new Date(hit.bidDeadline).getTime() - now;
  return left > 0 ? Math.ceil(left / DAY_MS) : null;
}

function ResultItem({ hit, now }: { hit: SearchHit; now: number }) {
  const { t } = useTranslation('hall');
  const { t: tc } = useTranslation();
  const { label } = useVocabulary();
  const days = daysLeft(hit, now);
  return (
    <li style={{ padding: '16px 20px', borderBottom: '1px solid #f0f0f0' }}>
      <article aria-labelledby={`hit-${hit.id}`}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 24, alignItems: 'baseline' }}>
          <Typography.Title level={2} id={`hit-${hit.id}`} style={{ fontSize: 17, margin: 0, lineHeight: 1.5 }}>
            <Link to={`/demands/${hit.id}`} style={{ color: '#1f1f1f' }}>
              <Highlighted html={hit.highlight.title} />
            </Link>
          </Typography.Title>
          <div style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
            <Typography.Text style={{ color: MUTED, fontSize: 12 }}>{t('hall.bountyLabel')} </Typography.Text>
            <Typography.Text strong style={{ color: ACCENT, fontSize: 16 }}>
              {bountyRange(hit.bountyMin, hit.bountyMax, tc('unit.wan'))}
            </Typography.Text>
          </div>
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', margin: '6px 0' }}>
          {hit.code && (
            <Typography.Text style={{ color: MUTED, fontSize: 12, fontFamily: 'monospace', marginRight: 4 }}>
              {hit.code}
            </Typography.Text>
          )}
          <StatusTag status={hit.status} />
          {days !== null && (
            <Tag style={{ marginInlineEnd: 0, ...(days <= 7 ? CLOSING_SOON : DAYS_LEFT) }}>
              {t('hall.daysLeft', { count: days })}
            </Tag>
          )}
          <Tag style={{ marginInlineEnd: 0 }}>{label('industry', hit.industry)}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{label('district', hit.district)}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{label('cooperationMode', hit.cooperationMode)}</Tag>
        </div>
        <p style={SUMMARY_STYLE}>
          <Highlighted html={hit.highlight.summary} />
        </p>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 24, fontSize: 13, color: MUTED }}>
          <span>{t('hall.owner', { name: hit.owner.name ?? '—' })}</span>
          <span>{t('hall.deadline', { date: formatDate(hit.bidDeadline) })}</span>
          <span>{t('hall.bidCount', { count: hit.bidCount })}</span>
          <span>{t('hall.published', { date: formatDate(hit.publishedAt) })}</span>
        </div>
      </article>
    </li>
  );
}

/** A page of search hits, titles and summaries with the matched words marked. */
export function ResultList({ hits, busy }: { hits: SearchHit[]; busy: boolean }) {
  const { t } = useTranslation('hall');
  const now = useNow();
  useEffect(() => {
    if (firstResultMarked) return;
    firstResultMarked = true;
    performance.mark('hall:first-result');
  }, []);
  return (
    <ol
      aria-label={t('hall.resultsLabel')}
      aria-busy={busy}
      style={{ listStyle: 'none', margin: 0, padding: 0, opacity: busy ? 0.6 : 1, transition: 'opacity 0.15s' }}
    >
      {hits.map((hit) => (
        <ResultItem key={hit.id} hit={hit} now={now} />
      ))}
    </ol>
  );
}
