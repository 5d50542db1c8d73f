import { Alert, Space, Tag, Typography } from 'antd';
import { MILESTONE_TRANSITIONS, milestoneMoveAllowed } from '@jiebang/contracts';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { formatDate, formatDateTime } from '../../shared/format';
import { FilePanel } from '../files/FilePanel';
import { DecideMilestone } from './DecideMilestone';
import { milestoneFiles } from './queries';
import type { Side } from './side';
import { SubmitMilestone } from './SubmitMilestone';

type Milestone = Schema<'MilestoneView'>;

const MILESTONE_COLOURS: Record<Milestone['status'], string> = {
  planned: 'default',
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
};

/** One milestone of the plan, with the move the given side may make on it. */
export function MilestoneCard({
  engagementId,
  milestone,
  side,
}: {
  engagementId: string;
  milestone: Milestone;
  side: Side;
}) {
  const { t } = useTranslation('engagement');
  const { t: tFiles } = useTranslation('files');
  return (
    <Space orientation="vertical" style={{ width: '100%', margin: '8px 0 16px' }}>
      <Space wrap size="middle">
        <Tag color={MILESTONE_COLOURS[milestone.status]}>{t(`milestoneStatus.${milestone.status}`)}</Tag>
        {milestone.overdue && <Tag color="red">{t('milestones.overdue')}</Tag>}
        <Typography.Text>{t('milestones.due', { date: formatDate(milestone.dueDate) })}</Typography.Text>
        <Typography.Text>{t('milestones.share', { share: milestone.paymentShare })}</Typography.Text>
        {milestone.submittedAt && (
          <Typography.Text type="secondary">
            {t('milestones.submittedAt', { at: formatDateTime(milestone.submittedAt) })}
          </Typography.Text>
        )}
        {milestone.decidedAt && (
          <Typography.Text type="secondary">
            {t(milestone.status === 'rejected' ? 'milestones.rejectedAt' : 'milestones.acceptedAt', {
              at: formatDateTime(milestone.decidedAt),
            })}
          </Typography.Text>
        )}
      </Space>
      {milestone.deliverables.length > 0 && (
        <div>
          <Typography.Text strong>{t('milestones.deliverables')}</Typography.Text>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {milestone.deliverables.map((deliverable, index) => (
              <li key={`${deliverable.reference}-${index}`}>
                {deliverable.name} — <Typography.Text code>{deliverable.reference}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FilePanel base={milestoneFiles(engagementId, milestone.id)} title={tFiles('milestone.title')} />
      {milestone.note && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {t('milestones.note', { note: milestone.note })}
        </Typography.Paragraph>
      )}
      {milestone.status === 'rejected' && milestone.decisionReason && (
        <Alert type="error" showIcon title={t('milestones.rejectedReason')} description={milestone.decisionReason} />
      )}
      {side === MILESTONE_TRANSITIONS.submit.by && milestoneMoveAllowed('submit', milestone.status) && (
        <SubmitMilestone engagementId={engagementId} milestone={milestone} />
      )}
      {side === MILESTONE_TRANSITIONS.accept.by && milestoneMoveAllowed('accept', milestone.status) && (
        <DecideMilestone engagementId={engagementId} milestone={milestone} />
      )}
    </Space>
  );
}
