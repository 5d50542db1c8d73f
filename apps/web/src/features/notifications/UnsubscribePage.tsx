import { Alert, Card, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useProblemText } from '../../shared/problems';
import { useUnsubscribeByToken } from './queries';

/** The page an email's unsubscribe link opens: it unsubscribes at once, signed in or not. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [params] = useSearchParams();
  const token = params.get('token');
  const unsubscribe = useUnsubscribeByToken();
  const { mutate } = unsubscribe;
  useEffect(() => {
    if (token) mutate(token);
  }, [token, mutate]);

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('alerts.unsubscribeTitle')}</h1>}>
      {!token ? (
        <Alert type="error" showIcon message={t('alerts.unsubscribeMissing')} />
      ) : unsubscribe.isError ? (
        <Alert type="error" showIcon message={problemText(unsubscribe.error)} />
      ) : unsubscribe.data ? (
        <Alert
          type="success"
          showIcon
          message={t('alerts.unsubscribed', { kind: t(`alerts.kinds.${unsubscribe.data.kind}`) })}
          action={<Link to="/notifications/preferences">{t('alerts.preferences')}</Link>}
        />
      ) : (
        <Spin tip={t('alerts.unsubscribing')}>
          <div style={{ height: 48 }} />
        </Spin>
      )}
    </Card>
  );
}
