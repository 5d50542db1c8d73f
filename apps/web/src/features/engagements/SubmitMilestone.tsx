import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Modal, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { ProblemForm } from '../../shared/ProblemForm';
import { useFormFailure } from '../../shared/problems';
import { FilePanel } from '../files/FilePanel';
import { milestoneFiles, submitMilestone, useUpdateEngagement } from './queries';

type Milestone = Schema<'MilestoneView'>;

interface SubmitValues {
  deliverables: Schema<'DeliverableDto'>[];
  note?: string;
}

const DELIVERABLES_MAX = 20;
const NAME_MAX = 100;
const REFERENCE_MAX = 300;
const NOTE_MAX = 2000;

/** The team hands in a milestone: its deliverables, a note and files. */
export function SubmitMilestone({ engagementId, milestone }: { engagementId: string; milestone: Milestone }) {
  const { t } = useTranslation('engagement');
  const { t: tFiles } = useTranslation('files');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SubmitValues>();
  const showFailure = useFormFailure();
  const update = useUpdateEngagement(engagementId);
  const submit = useMutation({
    mutationFn: (body: Schema<'SubmitMilestoneDto'>) =>
      submitMilestone({ id: engagementId, milestoneId: milestone.id }, body),
    onSuccess: (engagement) => {
      update(engagement);
      void message.success(t('submit.done'));
      setOpen(false);
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('submit.open')}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t('submit.title', { seq: milestone.seq, title: milestone.title })}
        okText={t('submit.confirm')}
        okButtonProps={{ loading: submit.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <ProblemForm<SubmitValues>
          name="submitMilestone"
          form={form}
          layout="vertical"
          initialValues={{
            deliverables: milestone.deliverables.length ? milestone.deliverables : [{ name: '', reference: '' }],
          }}
          onFinish={(values) =>
            submit.mutate({
              deliverables: values.deliverables,
              ...(values.note?.trim() ? { note: values.note.trim() } : {}),
            })
          }
        >
          <Form.List
            name="deliverables"
            rules={[
              {
                validator: (_, items: unknown[] | undefined) =>
                  items?.length ? Promise.resolve() : Promise.reject(new Error(t('submit.deliverablesMin'))),
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row key={field.key} gutter={12} align="top">
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('submit.name', { index: index + 1 })}
                        rules={[
                          { required: true, whitespace: true, message: t('rules.required') },
                          { max: NAME_MAX, message: t('rules.max', { max: NAME_MAX }) },
                        ]}
                      >
                        <Input placeholder={t('submit.namePlaceholder')} />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={10}>
                      <Form.Item
                        name={[field.name, 'reference']}
                        label={t('submit.reference', { index: index + 1 })}
                        extra={index === 0 ? t('submit.referenceHelp') : undefined}
                        rules={[
                          { required: true, whitespace: true, message: t('rules.required') },
                          { max: REFERENCE_MAX, message: t('rules.max', { max: REFERENCE_MAX }) },
                        ]}
                      >
                        <Input placeholder="DOC-2027-0042" />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item label={<span aria-hidden>&nbsp;</span>}>
                        <Button
                          autoInsertSpace={false}
                          icon={<DeleteOutlined />}
                          disabled={fields.length <= 1}
                          aria-label={t('submit.remove', { index: index + 1 })}
                          onClick={() => remove(field.name)}
                        >
                          {t('submit.removeShort')}
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.Item>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    disabled={fields.length >= DELIVERABLES_MAX}
                    onClick={() => add({ name: '', reference: '' })}
                  >
                    {t('submit.add')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              </>
            )}
          </Form.List>
          <Form.Item
            name="note"
            label={t('submit.note')}
            rules={[{ max: NOTE_MAX, message: t('rules.max', { max: NOTE_MAX }) }]}
          >
            <Input.TextArea rows={3} showCount maxLength={NOTE_MAX} />
          </Form.Item>
        </ProblemForm>
        <FilePanel
          base={milestoneFiles(engagementId, milestone.id)}
          title={tFiles('milestone.title')}
          uploadLabel={tFiles('milestone.upload')}
          editable
        />
      </Modal>
    </>
  );
}
