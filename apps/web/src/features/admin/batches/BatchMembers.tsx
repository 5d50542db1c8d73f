import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/types';
import { bountyRange } from '../../../shared/format';
import { useProblemText } from '../../../shared/problems';
import { useVocabulary } from '../../../shared/vocabulary';
import { removeBatchDemand } from '../queries';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

type Member = Schema<'DemandPublicView'>;

interface BatchMembersProps {
  batchId: string;
  members: Member[];
  /** Only a draft batch's needs can be taken out. */
  draft: boolean;
  onChanged: () => void;
}

/** The needs of a batch, each removable while the batch is a draft. */
export function BatchMembers({ batchId, members, draft, onChanged }: BatchMembersProps) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const remove = useMutation({
    mutationFn: (member: Member) => removeBatchDemand(batchId, member.id),
    onSuccess: (_, member) => {
      void message.success(t('batches.detail.removed', { title: member.title }));
      onChanged();
    },
    onError: (error) => void message.error(problemText(error)),
  });

  return (
    <AdaptiveTable<Member>
      rowKey="id"
      size="small"
      aria-label={t('batches.detail.members')}
      title={() => <strong>{`${t('batches.detail.members')}（${members.length}）`}</strong>}
      dataSource={members}
      locale={{ emptyText: <Empty description={t('batches.detail.membersEmpty')} /> }}
      pagination={members.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 640 }}
      columns={[
        {
          key: 'title',
          title: t('review.columns.title'),
          render: (_, member) => (
            <>
              {member.title}
              {member.code && (
                <Typography.Text style={{ display: 'block', fontSize: 12 }}>{member.code}</Typography.Text>
              )}
            </>
          ),
        },
        { key: 'owner', title: t('review.columns.owner'), render: (_, member) => member.owner.name ?? '—' },
        {
          key: 'status',
          title: t('batches.columns.status'),
          render: (_, member) => <Tag>{label('demandStatus', member.status)}</Tag>,
        },
        {
          key: 'bounty',
          title: t('review.columns.bounty'),
          render: (_, member) => bountyRange(member.bountyMin, member.bountyMax, common('unit.wan')),
        },
        ...(draft
          ? [
              {
                key: 'actions',
                title: t('batches.columns.actions'),
                render: (_: unknown, member: Member) => (
                  <Button
                    size="small"
                    autoInsertSpace={false}
                    aria-label={t('batches.detail.removeLabel', { title: member.title })}
                    loading={remove.isPending && remove.variables.id === member.id}
                    onClick={() => remove.mutate(member)}
                  >
                    {t('batches.detail.remove')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
