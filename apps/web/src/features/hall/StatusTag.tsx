import { Tag } from 'antd';
import { useVocabulary } from '../../shared/vocabulary';
import type { Demand } from './queries';

// antd's preset gold and green fall short of AA contrast at tag size: darker text on the same tints.
const TONES: Partial<Record<Demand['status'], [text: string, background: string, border: string]>> = {
  published: ['#a8071a', '#fff1f0', '#ffa39e'],
  bidding_closed: ['#874d00', '#fffbe6', '#ffe58f'],
  awarded: ['#391085', '#f9f0ff', '#d3adf7'],
  in_progress: ['#10239e', '#f0f5ff', '#adc6ff'],
  completed: ['#135200', '#f6ffed', '#b7eb8f'],
};
const NEUTRAL: [string, string, string] = ['#434343', '#fafafa', '#d9d9d9'];

/** The status in words; the colour only repeats it. */
export function StatusTag({ status }: { status: Demand['status'] }) {
  const { label } = useVocabulary();
  const [color, background, border] = TONES[status] ?? NEUTRAL;
  return (
    <Tag style={{ marginInlineEnd: 0, color, background, borderColor: border }}>{label('demandStatus', status)}</Tag>
  );
}
