import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { returnReasons, useDemandHistory } from './queries';

/** The office's reasons for sending a need back, read from its history. */
export function ReturnReasons({ demandId }: { demandId: string }) {
  const { t } = useTranslation('enterprise');
  const history = useDemandHistory(demandId);
  const reasons = returnReasons(history.data ?? []);
  if (reasons.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('returned.title')}
      description={
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ol>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
