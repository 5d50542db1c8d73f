import { Tag } from 'antd';
import { useVocabulary } from '../../shared/vocabulary';
import type { DemandStatus } from './queries';

const COLOURS: Record<DemandStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  published: 'green',
  bidding_closed: 'gold',
  awarded: 'purple',
  in_progress: 'geekblue',
  completed: 'success',
  unclaimed: 'default',
  withdrawn: 'default',
};

/** The status in words; the colour only repeats it. */
export function DemandStatusTag({ status }: { status: DemandStatus }) {
  const { label } = useVocabulary();
  return <Tag color={COLOURS[status]}>{label('demandStatus', status)}</Tag>;
}
