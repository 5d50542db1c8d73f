import { EditOutlined } from '@ant-design/icons';
import { Alert, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/session';
import { MyBids } from './home/MyBids';
import { MyEngagements } from './home/MyEngagements';
import { SuggestedDemands } from './home/SuggestedDemands';
import { useTeamProfile } from './queries';
import { ButtonLink } from '../../shared/ButtonLink';

const TABS = ['suggested', 'bids', 'engagements'] as const;
type Tab = (typeof TABS)[number];

/** /team: needs suggested for the team, its bids and its engagements; the tab lives in the URL. */
export function TeamHome() {
  const { t } = useTranslation('team');
  const session = useSession();
  const profile = useTeamProfile();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === requested) ?? 'suggested';
  const organisation = session?.user.organisation;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 8 }}
      >
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
            {t('home.title')}
          </Typography.Title>
          {organisation && <Typography.Text type="secondary">{organisation.name}</Typography.Text>}
        </div>
        <ButtonLink to="/team/profile" icon={<EditOutlined />}>
          {t('home.editProfile')}
        </ButtonLink>
      </div>
      {profile.data === null && (
        <Alert
          type="warning"
          showIcon
          title={t('home.noProfile')}
          description={t('home.noProfileHint')}
          action={
            <ButtonLink to="/team/profile" type="primary">
              {t('home.createProfile')}
            </ButtonLink>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          {
            key: 'suggested',
            label: t('home.tabs.suggested'),
            children: <SuggestedDemands organisationId={organisation?.id} hasProfile={profile.data !== null} />,
          },
          { key: 'bids', label: t('home.tabs.bids'), children: <MyBids /> },
          { key: 'engagements', label: t('home.tabs.engagements'), children: <MyEngagements /> },
        ]}
      />
    </Space>
  );
}
