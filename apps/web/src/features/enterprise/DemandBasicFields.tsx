import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useVocabulary } from '../../shared/vocabulary';
import { LIMITS, useFieldRules, verdict } from './demandForm';

interface DemandBasicFieldsProps {
  /** The enterprise an existing need belongs to, shown read-only. */
  owner: string | null;
  /** An advisor drafting a new need picks which served enterprise it is for. */
  chooseOrganisation: boolean;
}

/** Whose need it is and what it is about: the public description, its classification and keywords. */
export function DemandBasicFields({ owner, chooseOrganisation }: DemandBasicFieldsProps) {
  const { t } = useTranslation('enterprise');
  const { options } = useVocabulary();
  const served = useSession()?.user.servedOrganisations ?? [];
  const { length, required } = useFieldRules();
  return (
    <>
      {chooseOrganisation && (
        <Form.Item name="organisationId" label={t('fields.organisation')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={served.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
            notFoundContent={t('editor.noServed')}
          />
        </Form.Item>
      )}
      {owner && (
        <Form.Item label={t('fields.organisation')}>
          <Typography.Text>{owner}</Typography.Text>
        </Form.Item>
      )}
      <Form.Item name="title" label={t('fields.title')} rules={length(LIMITS.title)}>
        <Input showCount maxLength={LIMITS.title[1]} placeholder={t('editor.placeholders.title')} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('fields.summary')}
        rules={length(LIMITS.summary)}
        extra={t('editor.help.public')}
      >
        <Input.TextArea rows={3} showCount maxLength={LIMITS.summary[1]} />
      </Form.Item>
      <Form.Item
        name="background"
        label={t('fields.background')}
        rules={length(LIMITS.background)}
        extra={t('editor.help.public')}
      >
        <Input.TextArea rows={5} showCount maxLength={LIMITS.background[1]} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="industry" label={t('fields.industry')} rules={required}>
            <Select options={options('industry')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="district" label={t('fields.district')} rules={required}>
            <Select options={options('district')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="outcomeForm" label={t('fields.outcomeForm')} rules={required}>
            <Select options={options('outcomeForm')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="keywords"
        label={t('fields.keywords')}
        required
        extra={t('editor.help.keywords', { max: LIMITS.keywords, length: LIMITS.keyword })}
        rules={[
          {
            validator: (_, keywords: string[] = []) =>
              verdict(
                (keywords.length === 0 && t('rules.keywordsMin')) ||
                  (keywords.length > LIMITS.keywords && t('rules.keywordsMax', { max: LIMITS.keywords })) ||
                  (keywords.some((keyword) => keyword.trim().length > LIMITS.keyword) &&
                    t('rules.keywordLength', { max: LIMITS.keyword })),
              ),
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', '、', ';', '；']} open={false} suffixIcon={null} />
      </Form.Item>
    </>
  );
}
