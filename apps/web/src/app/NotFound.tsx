import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('state.notFound')}
      extra={
        <Link to="/hall">
          <Button type="primary">{t('state.backHome')}</Button>
        </Link>
      }
    />
  );
}
