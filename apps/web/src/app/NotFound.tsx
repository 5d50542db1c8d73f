import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../shared/ButtonLink';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('state.notFound')}
      extra={
        <ButtonLink to="/hall" type="primary">
          {t('state.backHome')}
        </ButtonLink>
      }
    />
  );
}
