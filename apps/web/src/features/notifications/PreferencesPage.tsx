import { App, Button, Card, List, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import { formatDateTime } from '../../shared/format';
import { useProblemText } from '../../shared/problems';
import { QueryState } from '../../shared/QueryState';
import { useVocabulary } from '../../shared/vocabulary';
import {
  type Preference,
  usePreferences,
  useSetPreference,
  useSubscribe,
  useSubscriptions,
  useUnsubscribe,
} from './queries';
import { AdaptiveTable } from '../../shared/AdaptiveTable';

/** 通知设置: channels per alert kind, and my followed needs, saved searches and profile alert. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { label } = useVocabulary();
  const session = useSession();
  const preferences = usePreferences();
  const setPreference = useSetPreference();
  const subscriptions = useSubscriptions();
  const subscribe = useSubscribe();
  const unsubscribe = useUnsubscribe();
  const onError = (error: unknown) => void message.error(problemText(error));
  const toggle = (item: Preference, change: Partial<Preference>) =>
    setPreference.mutate({ ...item, ...change }, { onError, onSuccess: () => void message.success(t('alerts.saved')) });
  const hasProfileAlert = subscriptions.data?.items.some((s) => s.kind === 'profile');

  return (
    <>
      <Card
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('alerts.preferencesTitle')}</h1>}
        style={{ marginBottom: 16 }}
      >
        <QueryState query={preferences}>
          {(data) => (
            <AdaptiveTable
              rowKey="kind"
              pagination={false}
              dataSource={data.items}
              columns={[
                { title: t('alerts.kind'), key: 'kind', render: (_, item) => t(`alerts.kinds.${item.kind}`) },
                {
                  title: t('alerts.inApp'),
                  key: 'inApp',
                  render: (_, item) => (
                    <Switch
                      aria-label={`${t(`alerts.kinds.${item.kind}`)} ${t('alerts.inApp')}`}
                      checked={item.inApp}
                      onChange={(inApp) => toggle(item, { inApp })}
                    />
                  ),
                },
                {
                  title: t('alerts.email'),
                  key: 'email',
                  render: (_, item) => (
                    <Switch
                      aria-label={`${t(`alerts.kinds.${item.kind}`)} ${t('alerts.email')}`}
                      checked={item.email}
                      onChange={(email) => toggle(item, { email })}
                    />
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('alerts.subscriptions')}</h2>}
        extra={
          session?.user.role === 'team' && !hasProfileAlert ? (
            <Button
              loading={subscribe.isPending}
              onClick={() =>
                subscribe.mutate(
                  { kind: 'profile' },
                  { onError, onSuccess: () => void message.success(t('alerts.profileAlertDone')) },
                )
              }
            >
              {t('alerts.profileAlert')}
            </Button>
          ) : null
        }
      >
        <QueryState
          query={subscriptions}
          isEmpty={(data) => data.items.length === 0}
          empty={t('alerts.subscriptionsEmpty')}
        >
          {(data) => (
            <List
              dataSource={data.items}
              renderItem={(item) => (
                <List.Item
                  actions={[
                    <Button key="delete" size="small" danger onClick={() => unsubscribe.mutate(item.id, { onError })}>
                      {item.kind === 'need' ? t('alerts.unfollow') : t('action.delete')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <>
                        <Tag>{t(`alerts.subscriptionKinds.${item.kind}`)}</Tag>
                        {item.kind === 'need' ? (
                          <Link to={`/demands/${item.demandId}`}>{item.demandTitle ?? item.demandId}</Link>
                        ) : (
                          (item.name ?? t('alerts.subscriptionKinds.profile'))
                        )}
                      </>
                    }
                    description={
                      item.kind === 'need' && item.bidDeadline ? (
                        <Typography.Text type="secondary">
                          {t('alerts.deadline', { at: formatDateTime(item.bidDeadline) })}
                        </Typography.Text>
                      ) : item.kind === 'search' ? (
                        <Typography.Text type="secondary">
                          {[
                            item.query,
                            ...item.industries.map((value) => label('industry', value)),
                            ...item.districts.map((value) => label('district', value)),
                            ...item.cooperationModes.map((value) => label('cooperationMode', value)),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Typography.Text>
                      ) : null
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
