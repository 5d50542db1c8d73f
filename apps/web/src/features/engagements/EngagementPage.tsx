import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MILESTONE_TRANSITIONS, milestoneMoveAllowed } from '@jiebang/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Space,
  Steps,
  Tag,
  theme,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EngagementStatusTag } from './EngagementStatusTag';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../api/session';
import type { Schema } from '../../api/types';
import { formatDate, formatDateTime } from '../../shared/format';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { QueryState } from '../../shared/QueryState';
import { ProblemForm } from '../../shared/ProblemForm';
import { FilePanel } from '../files/FilePanel';
import { ThreadPanel } from './ThreadPanel';

type Engagement = Schema<'EngagementView'>;
type Milestone = Schema<'MilestoneView'>;
type Side = 'team' | 'owner' | null;

const engagementKey = (id: string) => ['engagement', id] as const;

const MILESTONE_COLOURS: Record<Milestone['status'], string> = {
  planned: 'default',
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
};
const STEP_STATUS = { planned: 'wait', submitted: 'process', accepted: 'finish', rejected: 'error' } as const;

/**
 * An engagement (揭榜项目) after the award: the winning team delivers its milestones in order, the
 * need's owner accepts or rejects each. Advisors and the office read along.
 */
export function EngagementPage() {
  const { id = '' } = useParams<{ id: string }>();
  const engagement = useQuery({
    queryKey: engagementKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/engagements/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={engagement}>{(data) => <EngagementView engagement={data} />}</QueryState>;
}

/** Which party the signed-in user acts for; the server checks the same. */
function useSide(engagement: Engagement): Side {
  const user = useSession()?.user;
  if (!user || engagement.status === 'cancelled') return null;
  const organisation = user.organisation?.id;
  if (user.role === 'team' && organisation === engagement.teamOrganisationId) return 'team';
  if (user.role === 'enterprise' && organisation === engagement.ownerOrganisationId) return 'owner';
  return null;
}

function EngagementView({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation('engagement');
  const side = useSide(engagement);
  const { token } = theme.useToken();
  const demand = useQuery({
    queryKey: ['engagement', engagement.id, 'demand'],
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}', { params: { path: { id: engagement.demandId } } })),
  });
  const accepted = engagement.milestones.filter((milestone) => milestone.status === 'accepted');
  const paid = accepted.reduce((sum, milestone) => sum + milestone.paymentShare, 0);
  // Milestones are delivered in order: only the first one not yet accepted can move.
  const current = engagement.milestones.find((milestone) => milestone.status !== 'accepted');
  const demandLink =
    side === 'owner' ? `/enterprise/demands/${engagement.demandId}?tab=engagements` : `/demands/${engagement.demandId}`;

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title', { demand: engagement.demandTitle ?? '' })}
      </Typography.Title>
      <Alert
        type={side ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(side === 'team' ? 'role.team' : side === 'owner' ? 'role.owner' : 'role.reader')}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          {
            key: 'demand',
            label: t('parties.demand'),
            children: <Link to={demandLink}>{engagement.demandTitle ?? '—'}</Link>,
          },
          { key: 'status', label: t('fields.status'), children: <EngagementStatusTag status={engagement.status} /> },
          { key: 'owner', label: t('parties.owner'), children: demand.data?.owner.name ?? '—' },
          { key: 'team', label: t('parties.team'), children: engagement.teamName ?? '—' },
          {
            key: 'bid',
            label: t('fields.bid'),
            children: <Link to={`/bids/${engagement.bidId}`}>{t('fields.viewBid')}</Link>,
          },
          { key: 'awarded', label: t('fields.awardedAt'), children: formatDateTime(engagement.createdAt) },
          { key: 'started', label: t('fields.startedAt'), children: formatDateTime(engagement.startedAt) },
          { key: 'completed', label: t('fields.completedAt'), children: formatDateTime(engagement.completedAt) },
          {
            key: 'progress',
            label: t('fields.accepted'),
            span: 'filled',
            children: (
              <Progress
                percent={paid}
                aria-label={t('fields.acceptedValue', {
                  accepted: accepted.length,
                  total: engagement.milestones.length,
                  share: paid,
                })}
                format={() =>
                  t('fields.acceptedValue', {
                    accepted: accepted.length,
                    total: engagement.milestones.length,
                    share: paid,
                  })
                }
              />
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('milestones.title')}
      </Typography.Title>
      <Steps
        orientation="vertical"
        // Planned steps would be greyed out; their text must stay readable.
        styles={{ itemTitle: { color: token.colorText, fontWeight: 500 }, itemContent: { color: token.colorText } }}
        items={engagement.milestones.map((milestone) => ({
          key: milestone.id,
          status: STEP_STATUS[milestone.status],
          title: t('milestones.heading', { seq: milestone.seq, title: milestone.title }),
          content: (
            <MilestoneCard
              engagementId={engagement.id}
              milestone={milestone}
              side={milestone.id === current?.id ? side : null}
            />
          ),
        }))}
      />
      <ThreadPanel engagement={engagement} />
    </Card>
  );
}

const milestoneFiles = (engagementId: string, milestoneId: string) =>
  `/api/v1/engagements/${engagementId}/milestones/${milestoneId}/attachments`;

function MilestoneCard({ engagementId, milestone, side }: { engagementId: string; milestone: Milestone; side: Side }) {
  const { t } = useTranslation('engagement');
  const { t: tFiles } = useTranslation('files');
  return (
    <Space orientation="vertical" style={{ width: '100%', margin: '8px 0 16px' }}>
      <Space wrap size="middle">
        <Tag color={MILESTONE_COLOURS[milestone.status]}>{t(`milestoneStatus.${milestone.status}`)}</Tag>
        {milestone.overdue && <Tag color="red">{t('milestones.overdue')}</Tag>}
        <Typography.Text>{t('milestones.due', { date: formatDate(milestone.dueDate) })}</Typography.Text>
        <Typography.Text>{t('milestones.share', { share: milestone.paymentShare })}</Typography.Text>
        {milestone.submittedAt && (
          <Typography.Text type="secondary">
            {t('milestones.submittedAt', { at: formatDateTime(milestone.submittedAt) })}
          </Typography.Text>
        )}
        {milestone.decidedAt && (
          <Typography.Text type="secondary">
            {t(milestone.status === 'rejected' ? 'milestones.rejectedAt' : 'milestones.acceptedAt', {
              at: formatDateTime(milestone.decidedAt),
            })}
          </Typography.Text>
        )}
      </Space>
      {milestone.deliverables.length > 0 && (
        <div>
          <Typography.Text strong>{t('milestones.deliverables')}</Typography.Text>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {milestone.deliverables.map((deliverable, index) => (
              <li key={`${deliverable.reference}-${index}`}>
                {deliverable.name} — <Typography.Text code>{deliverable.reference}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FilePanel base={milestoneFiles(engagementId, milestone.id)} title={tFiles('milestone.title')} />
      {milestone.note && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {t('milestones.note', { note: milestone.note })}
        </Typography.Paragraph>
      )}
      {milestone.status === 'rejected' && milestone.decisionReason && (
        <Alert type="error" showIcon title={t('milestones.rejectedReason')} description={milestone.decisionReason} />
      )}
      {side === MILESTONE_TRANSITIONS.submit.by && milestoneMoveAllowed('submit', milestone.status) && (
        <SubmitMilestone engagementId={engagementId} milestone={milestone} />
      )}
      {side === MILESTONE_TRANSITIONS.accept.by && milestoneMoveAllowed('accept', milestone.status) && (
        <DecideMilestone engagementId={engagementId} milestone={milestone} />
      )}
    </Space>
  );
}

function useUpdateEngagement(engagementId: string) {
  const queryClient = useQueryClient();
  return (engagement: Engagement) => {
    queryClient.setQueryData(engagementKey(engagementId), engagement);
    // The need's status may move too (攻关中, 已完成).
    void queryClient.invalidateQueries({ queryKey: ['enterprise'] });
  };
}

interface SubmitValues {
  deliverables: Schema<'DeliverableDto'>[];
  note?: string;
}

const DELIVERABLES_MAX = 20;
const NAME_MAX = 100;
const REFERENCE_MAX = 300;
const NOTE_MAX = 2000;

function SubmitMilestone({ engagementId, milestone }: { engagementId: string; milestone: Milestone }) {
  const { t } = useTranslation('engagement');
  const { t: tFiles } = useTranslation('files');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SubmitValues>();
  const showFailure = useFormFailure();
  const update = useUpdateEngagement(engagementId);
  const submit = useMutation({
    mutationFn: (body: Schema<'SubmitMilestoneDto'>) =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/milestones/{milestoneId}/submit', {
          params: { path: { id: engagementId, milestoneId: milestone.id } },
          body,
        }),
      ),
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

const REASON = { min: 5, max: 1000 };

function DecideMilestone({ engagementId, milestone }: { engagementId: string; milestone: Milestone }) {
  const { t } = useTranslation('engagement');
  const { message, modal } = App.useApp();
  const problemText = useProblemText();
  const showFailure = useFormFailure();
  const queryClient = useQueryClient();
  const update = useUpdateEngagement(engagementId);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<Schema<'RejectMilestoneDto'>>();
  const path = { id: engagementId, milestoneId: milestone.id };

  const accept = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/engagements/{id}/milestones/{milestoneId}/accept', { params: { path } })),
    onSuccess: (engagement) => {
      update(engagement);
      void message.success(t('decide.accepted'));
    },
    onError: (error) => {
      void message.error(problemText(error));
      // The milestone may have moved on meanwhile: show where it stands now.
      void queryClient.invalidateQueries({ queryKey: engagementKey(engagementId) });
    },
  });
  const reject = useMutation({
    mutationFn: (body: Schema<'RejectMilestoneDto'>) =>
      unwrap(api.POST('/api/v1/engagements/{id}/milestones/{milestoneId}/reject', { params: { path }, body })),
    onSuccess: (engagement) => {
      update(engagement);
      void message.success(t('decide.rejected'));
      setRejecting(false);
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Flex gap={8} wrap>
      <Button
        type="primary"
        loading={accept.isPending}
        onClick={() =>
          void modal.confirm({
            title: t('decide.acceptConfirm', { seq: milestone.seq, title: milestone.title }),
            content: t('decide.acceptHint', { share: milestone.paymentShare }),
            okText: t('decide.accept'),
            onOk: () => accept.mutateAsync().catch(() => undefined),
          })
        }
      >
        {t('decide.accept')}
      </Button>
      <Button autoInsertSpace={false} danger onClick={() => setRejecting(true)}>
        {t('decide.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('decide.rejectTitle', { seq: milestone.seq, title: milestone.title })}
        okText={t('decide.reject')}
        okButtonProps={{ danger: true, loading: reject.isPending, autoInsertSpace: false }}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(false)}
      >
        <Form
          name="rejectMilestone"
          form={form}
          layout="vertical"
          onFinish={(values) => reject.mutate({ reason: values.reason.trim() })}
        >
          <Form.Item
            name="reason"
            label={t('decide.reason')}
            extra={t('decide.reasonHelp')}
            rules={[
              { required: true, whitespace: true, message: t('rules.required') },
              { min: REASON.min, max: REASON.max, message: t('rules.length', REASON) },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={REASON.max} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
