import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';
import { useVocabulary } from '../../../shared/vocabulary';
import { useTeamProblems } from '../problems';
import { removeAchievement, teamKeys } from '../queries';
import { AchievementModal } from './AchievementModal';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

type Profile = Schema<'TeamProfileView'>;
type Achievement = Schema<'AchievementView'>;

/** The team's achievements (科技成果); one a matchmaking or conversion points at cannot be removed. */
export function AchievementsCard({ profile }: { profile: Profile | null }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { message, modal } = App.useApp();
  const { label } = useVocabulary();
  const queryClient = useQueryClient();
  const problems = useTeamProblems();
  const [adding, setAdding] = useState(false);

  const remove = useMutation({
    mutationFn: removeAchievement,
    onSuccess: (saved) => {
      queryClient.setQueryData(teamKeys.profile, saved);
      void message.success(t('achievements.removed'));
    },
    onError: (error) => {
      modal.error({ title: t('achievements.removeFailed'), content: problems.text(error) });
    },
  });

  const confirmRemove = (achievement: Achievement) => {
    modal.confirm({
      title: t('achievements.confirmRemove', { title: achievement.title }),
      okText: common('action.delete'),
      okButtonProps: { danger: true },
      cancelText: common('action.cancel'),
      onOk: () => remove.mutate(achievement.id),
    });
  };

  return (
    <Card
      title={t('achievements.title')}
      extra={
        profile && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('achievements.add')}
          </Button>
        )
      }
    >
      {!profile ? (
        <Empty description={t('achievements.needProfile')} />
      ) : (
        <AdaptiveTable<Achievement>
          aria-label={t('achievements.title')}
          rowKey="id"
          size="small"
          dataSource={profile.achievements}
          pagination={false}
          locale={{ emptyText: <Empty description={t('achievements.empty')} /> }}
          scroll={{ x: 800 }}
          columns={[
            { key: 'title', title: t('achievements.fields.title'), dataIndex: 'title' },
            { key: 'year', title: t('achievements.fields.year'), dataIndex: 'year', width: 80 },
            {
              key: 'trl',
              title: t('achievements.fields.trl'),
              dataIndex: 'trl',
              width: 80,
              render: (trl: number) => `TRL ${trl}`,
            },
            {
              key: 'industry',
              title: t('achievements.fields.industry'),
              width: 120,
              render: (_, achievement) => label('industry', achievement.industry) || '—',
            },
            {
              key: 'patents',
              title: t('achievements.fields.patents'),
              render: (_, achievement) =>
                achievement.patents.length > 0
                  ? achievement.patents.map((patent) => <Tag key={patent}>{patent}</Tag>)
                  : '—',
            },
            {
              key: 'actions',
              title: t('achievements.actions'),
              width: 90,
              render: (_, achievement) => (
                <Button
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  loading={remove.isPending && remove.variables === achievement.id}
                  onClick={() => confirmRemove(achievement)}
                  aria-label={t('achievements.removeOne', { title: achievement.title })}
                >
                  {common('action.delete')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <AchievementModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
