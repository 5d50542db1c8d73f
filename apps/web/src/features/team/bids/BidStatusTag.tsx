import { Tag } from 'antd';
import { type Schema } from '../../../api/types';
import { useVocabulary } from '../../../shared/vocabulary';

type BidStatus = Schema<'BidView'>['status'];

const COLOURS: Record<BidStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  withdrawn: 'default',
  awarded: 'success',
  not_selected: 'warning',
};

/** The bid's status in words (the colour only repeats it). */
export function BidStatusTag({ status }: { status: BidStatus }) {
  const { label } = useVocabulary();
  return <Tag color={COLOURS[status]}>{label('bidStatus', status)}</Tag>;
}
