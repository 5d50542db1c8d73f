import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/QueryState';
import { useTeamProfile } from '../queries';
import { AchievementsCard } from './AchievementsCard';
import { ProfileForm } from './ProfileForm';

/** /team/profile: what search and enterprises see of the team, and its achievements (科技成果). */
export function TeamProfilePage() {
  const { t } = useTranslation('team');
  const profile = useTeamProfile();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('profile.title')}
      </Typography.Title>
      <QueryState query={profile}>
        {(loaded) => (
          <>
            <ProfileForm profile={loaded} />
            <AchievementsCard profile={loaded} />
          </>
        )}
      </QueryState>
    </Space>
  );
}
