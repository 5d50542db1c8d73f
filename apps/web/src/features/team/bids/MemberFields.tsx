import { DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';
import { type BidFormValues, type MemberValues } from './bidValues';

const MAX_MEMBERS = 30;

/** The project team of the bid; the profile's key members can be copied in as a start. */
export function MemberFields({ keyMembers }: { keyMembers: Schema<'KeyMemberDto'>[] }) {
  const { t } = useTranslation('team');
  const form = Form.useFormInstance<BidFormValues>();
  const text = (min: number, max: number) => [
    { required: true, whitespace: true, message: t('bidForm.required') },
    { min, max, message: t('bidForm.length', { min, max }) },
  ];

  const importKeyMembers = () => {
    const current = (form.getFieldValue('members') as MemberValues[] | undefined) ?? [];
    const filled = current.filter((member) => member?.name);
    const known = new Set(filled.map((member) => member.name));
    const added = keyMembers
      .filter((member) => !known.has(member.name))
      // A member's expertise is the best first guess at their part in the project.
      .map((member) => ({ name: member.name, title: member.title, role: member.expertise.slice(0, 30) }));
    form.setFieldValue('members', [...filled, ...added].slice(0, MAX_MEMBERS));
  };

  return (
    <Form.List
      name="members"
      rules={[
        {
          validator: (_, items?: MemberValues[]) =>
            items && items.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('bidForm.members.atLeastOne'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={12} align="bottom">
              <Col xs={24} md={7}>
                <Form.Item
                  label={t('bidForm.members.name', { index: index + 1 })}
                  name={[field.name, 'name']}
                  rules={text(1, 30)}
                >
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item label={t('bidForm.members.title')} name={[field.name, 'title']} rules={text(1, 30)}>
                  <Input maxLength={30} placeholder={t('bidForm.members.titlePlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={20} md={8}>
                <Form.Item label={t('bidForm.members.role')} name={[field.name, 'role']} rules={text(1, 30)}>
                  <Input maxLength={30} placeholder={t('bidForm.members.rolePlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                <Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    aria-label={t('bidForm.members.remove', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Space wrap>
            {fields.length < MAX_MEMBERS && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('bidForm.members.add')}
              </Button>
            )}
            {keyMembers.length > 0 && (
              <Button icon={<UserAddOutlined />} onClick={importKeyMembers}>
                {t('bidForm.members.import')}
              </Button>
            )}
          </Space>
        </>
      )}
    </Form.List>
  );
}
