import { Button, Checkbox, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useVocabulary } from '../../shared/vocabulary';
import { useBatches } from './queries';
import { FACETS, FACET_GROUPS, type FacetGroup, type HallFilters } from './searchParams';
import { useDraft } from './useDraft';
import { MUTED } from './tone';

export type FilterPatch = Partial<HallFilters>;

interface FacetPanelProps {
  filters: HallFilters;
  counts: Partial<Record<FacetGroup, Record<string, number>>>;
  onChange: (patch: FilterPatch, replace?: boolean) => void;
  onReset: () => void;
}

const VOCABULARY = {
  industry: 'industry',
  district: 'district',
  cooperationMode: 'cooperationMode',
  status: 'demandStatus',
} as const;

// A floated legend sits inside the fieldset, below its top rule, like the other headings.
const legendStyle = {
  fontSize: 14,
  fontWeight: 600,
  marginBottom: 8,
  padding: 0,
  float: 'left',
  width: '100%',
} as const;
const fieldsetStyle = { border: 0, margin: 0, padding: '12px 0', borderTop: '1px solid #f0f0f0' };

function FacetGroupField({
  group,
  selected,
  counts,
  onChange,
}: {
  group: FacetGroup;
  selected: readonly string[];
  counts: Record<string, number>;
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation('hall');
  const { label } = useVocabulary();
  // Values that would find nothing are left out, unless ticked (so they can be unticked).
  const values = FACETS[group].filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value));
  const toggle = (value: string, checked: boolean) =>
    onChange(FACETS[group].filter((candidate) => (candidate === value ? checked : selected.includes(candidate))));
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>{t(`hall.facets.${group}`)}</legend>
      {values.length === 0 ? (
        <Typography.Text style={{ color: MUTED }}>{t('hall.noValues')}</Typography.Text>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4, clear: 'both' }}>
          {values.map((value) => (
            <Checkbox
              key={value}
              checked={selected.includes(value)}
              onChange={(event) => toggle(value, event.target.checked)}
            >
              {label(VOCABULARY[group], value)}
              <span style={{ color: MUTED, marginLeft: 6, whiteSpace: 'nowrap' }}>({counts[value] ?? 0})</span>
            </Checkbox>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function BountyField({ filters, onChange }: Pick<FacetPanelProps, 'filters' | 'onChange'>) {
  const { t } = useTranslation('hall');
  const min = useDraft(filters.bountyMin === null ? '' : String(filters.bountyMin), (value) =>
    onChange({ bountyMin: value === '' ? null : Number(value) }, true),
  );
  const max = useDraft(filters.bountyMax === null ? '' : String(filters.bountyMax), (value) =>
    onChange({ bountyMax: value === '' ? null : Number(value) }, true),
  );
  const input = (id: string, draft: typeof min, text: string) => (
    <div style={{ flex: 1 }}>
      <label htmlFor={id} style={{ display: 'block', fontSize: 12, color: MUTED, marginBottom: 2 }}>
        {text}
      </label>
      <InputNumber
        id={id}
        min={0}
        step={10}
        style={{ width: '100%' }}
        value={draft.draft === '' ? null : Number(draft.draft)}
        onChange={(value) => draft.setDraft(value === null ? '' : String(value))}
        onPressEnter={draft.flush}
      />
    </div>
  );
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>{t('hall.bounty')}</legend>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', clear: 'both' }}>
        {input('hall-bounty-min', min, t('hall.bountyMin'))}
        <span aria-hidden style={{ paddingBottom: 6 }}>
          –
        </span>
        {input('hall-bounty-max', max, t('hall.bountyMax'))}
      </div>
    </fieldset>
  );
}

function DeadlineField({ filters, onChange }: Pick<FacetPanelProps, 'filters' | 'onChange'>) {
  const { t } = useTranslation('hall');
  const input = (id: string, key: 'deadlineFrom' | 'deadlineTo', text: string) => (
    <div style={{ flex: 1 }}>
      <label htmlFor={id} style={{ display: 'block', fontSize: 12, color: MUTED, marginBottom: 2 }}>
        {text}
      </label>
      <Input
        id={id}
        type="date"
        value={filters[key] ?? ''}
        onChange={(event) => onChange({ [key]: event.target.value || null })}
      />
    </div>
  );
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>{t('hall.deadlineRange')}</legend>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6, clear: 'both' }}>
        {input('hall-deadline-from', 'deadlineFrom', t('hall.deadlineFrom'))}
        {input('hall-deadline-to', 'deadlineTo', t('hall.deadlineTo'))}
      </div>
    </fieldset>
  );
}

function BatchField({ filters, onChange }: Pick<FacetPanelProps, 'filters' | 'onChange'>) {
  const { t } = useTranslation('hall');
  const batches = useBatches();
  return (
    <div style={fieldsetStyle}>
      <label htmlFor="hall-batch" style={{ ...legendStyle, display: 'block' }}>
        {t('hall.batch')}
      </label>
      <Select
        id="hall-batch"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        loading={batches.isPending}
        value={filters.batchId ?? ''}
        onChange={(value: string) => onChange({ batchId: value || null })}
        options={[
          { value: '', label: t('hall.allBatches') },
          ...(batches.data?.items ?? []).map((batch) => ({
            value: batch.id,
            label: `${batch.title}（${formatDate(batch.releaseDate)}）`,
          })),
        ]}
      />
    </div>
  );
}

/** The filters beside the results: facet checkboxes with counts, bounty and deadline ranges, batch. */
export function FacetPanel({ filters, counts, onChange, onReset }: FacetPanelProps) {
  const { t } = useTranslation('hall');
  return (
    <section
      aria-labelledby="hall-filters"
      style={{ background: '#fff', border: '1px solid #e8e8e8', padding: '12px 16px' }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', paddingBottom: 8 }}>
        <Typography.Title level={2} id="hall-filters" style={{ fontSize: 16, margin: 0 }}>
          {t('hall.filters')}
        </Typography.Title>
        <Button size="small" onClick={onReset}>
          {t('hall.reset')}
        </Button>
      </div>
      {/* Open for bidding is one status: the status facet only shows with every need. */}
      {FACET_GROUPS.filter((group) => group !== 'status' || !filters.open).map((group) => (
        <FacetGroupField
          key={group}
          group={group}
          selected={filters[group]}
          counts={counts[group] ?? {}}
          onChange={(values) => onChange({ [group]: values })}
        />
      ))}
      <BountyField filters={filters} onChange={onChange} />
      <DeadlineField filters={filters} onChange={onChange} />
      <BatchField filters={filters} onChange={onChange} />
    </section>
  );
}
