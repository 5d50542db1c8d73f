import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Period } from './queries';

const DAY = 'YYYY-MM-DD';

interface PeriodFilterProps {
  period: Period;
  onChange: (next: Period) => void;
}

/** One period for the funnel and both record tables; cleared, it means all time. */
export function PeriodFilter({ period, onChange }: PeriodFilterProps) {
  const { t } = useTranslation('advisor');
  const now = dayjs();
  const value: [Dayjs, Dayjs] | null = period.from && period.to ? [dayjs(period.from), dayjs(period.to)] : null;
  return (
    <Form layout="inline" aria-label={t('period.label')}>
      <Form.Item label={t('period.label')} htmlFor="advisor-period" extra={t('period.hint')}>
        <DatePicker.RangePicker
          id={{ start: 'advisor-period', end: 'advisor-period-end' }}
          aria-label={t('period.label')}
          placeholder={[t('period.start'), t('period.end')]}
          value={value}
          presets={[
            { label: t('period.presets.programme2023'), value: [dayjs('2023-01-01'), dayjs('2023-12-31')] },
            { label: t('period.presets.thisYear'), value: [now.startOf('year'), now.endOf('day')] },
            { label: t('period.presets.last12Months'), value: [now.subtract(12, 'month'), now.endOf('day')] },
          ]}
          onChange={(range) => onChange({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })}
        />
      </Form.Item>
    </Form>
  );
}
