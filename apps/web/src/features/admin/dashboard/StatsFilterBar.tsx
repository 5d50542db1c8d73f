import { Button, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../../shared/vocabulary';
import { useAdvisors } from '../queries';
import type { StatsFilters } from './statsFilters';

const DAY = 'YYYY-MM-DD';

interface StatsFilterBarProps {
  filters: StatsFilters;
  onChange: (next: StatsFilters) => void;
}

/** Period, industry, district and advisor: the StatsQuery every figure on the dashboard shares. */
export function StatsFilterBar({ filters, onChange }: StatsFilterBarProps) {
  const { t } = useTranslation('admin');
  const { options } = useVocabulary();
  const advisors = useAdvisors();
  const now = dayjs();
  // An explicit 「全部」 option rather than a placeholder: placeholders are too faint to read.
  const all = { value: '', label: t('dashboard.filters.all') };
  const period: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <Form layout="inline" aria-label={t('dashboard.filters.label')} style={{ rowGap: 12 }}>
      <Form.Item label={t('dashboard.filters.period')} htmlFor="stats-period">
        <DatePicker.RangePicker
          id={{ start: 'stats-period', end: 'stats-period-end' }}
          aria-label={t('dashboard.filters.period')}
          placeholder={[t('dashboard.filters.periodStart'), t('dashboard.filters.periodEnd')]}
          value={period}
          presets={[
            { label: t('dashboard.presets.programme2023'), value: [dayjs('2023-01-01'), dayjs('2023-12-31')] },
            { label: t('dashboard.presets.thisYear'), value: [now.startOf('year'), now.endOf('day')] },
            { label: t('dashboard.presets.last12Months'), value: [now.subtract(12, 'month'), now.endOf('day')] },
          ]}
          onChange={(range) =>
            onChange({
              ...filters,
              from: range?.[0]?.format(DAY),
              to: range?.[1]?.format(DAY),
            })
          }
        />
      </Form.Item>
      <Form.Item label={t('dashboard.filters.industry')} htmlFor="stats-industry">
        <Select
          id="stats-industry"
          style={{ width: 160 }}
          options={[all, ...options('industry')]}
          value={filters.industry ?? ''}
          onChange={(industry: StatsFilters['industry'] | '') =>
            onChange({ ...filters, industry: industry || undefined })
          }
        />
      </Form.Item>
      <Form.Item label={t('dashboard.filters.district')} htmlFor="stats-district">
        <Select
          id="stats-district"
          style={{ width: 160 }}
          options={[all, ...options('district')]}
          value={filters.district ?? ''}
          onChange={(district: StatsFilters['district'] | '') =>
            onChange({ ...filters, district: district || undefined })
          }
        />
      </Form.Item>
      <Form.Item label={t('dashboard.filters.advisor')} htmlFor="stats-advisor">
        <Select
          id="stats-advisor"
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          loading={advisors.isPending}
          options={[
            all,
            ...(advisors.data?.items.map((advisor) => ({ value: advisor.id, label: advisor.displayName })) ?? []),
          ]}
          value={filters.advisorId ?? ''}
          onChange={(advisorId: string) => onChange({ ...filters, advisorId: advisorId || undefined })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange({})}>{t('dashboard.filters.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
