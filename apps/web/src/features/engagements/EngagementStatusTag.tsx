import { Tag } from 'antd';
import type { Schema } from '../../api/types';
import { useVocabulary } from '../../shared/vocabulary';

type Status = Schema<'EngagementView'>['status'];

const COLOURS: Record<Status, string> = {
  awarded: 'purple',
  in_progress: 'processing',
  completed: 'success',
  cancelled: 'default',
};

/** A project's status, named as its need's status is everywhere in the app. */
export function EngagementStatusTag({ status }: { status: Status }) {
  const { label } = useVocabulary();
  return <Tag color={COLOURS[status]}>{label('engagementStatus', status)}</Tag>;
}
