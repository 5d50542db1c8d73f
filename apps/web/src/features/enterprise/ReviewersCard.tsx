import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { ProblemForm } from '../../shared/ProblemForm';
import { QueryState } from '../../shared/QueryState';
import { demandKeys, inviteReviewer, removeReviewer, useReviewers } from './queries';

interface InviteValues {
  email: string;
}

/**
 * 评审专家: outside experts (or colleagues elsewhere) the owner asks to score the bids, invited by
 * the e-mail they sign in with. An invitation is withdrawn only before its reviewer has scored.
 */
export function ReviewersCard({ demandId, editable }: { demandId: string; editable: boolean }) {
  const { t } = useTranslation('enterprise');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showFailure = useFormFailure();
  const problemText = useProblemText();
  const [form] = Form.useForm<InviteValues>();
  const reviewers = useReviewers(demandId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: demandKeys.reviewers(demandId) });
  const invite = useMutation({
    mutationFn: (values: InviteValues) => inviteReviewer(demandId, values.email.trim()),
    onSuccess: (reviewer) => {
      void message.success(t('reviewers.invited', { name: reviewer.displayName }));
      form.resetFields();
      void refresh();
    },
    onError: (error) => showFailure(form, error),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeReviewer(demandId, userId),
    onSuccess: () => {
      void message.success(t('reviewers.removed'));
      void refresh();
    },
    onError: (error) => void message.error(problemText(error)),
  });

  return (
    <Card size="small" title={<h3 style={{ fontSize: 14, margin: 0 }}>{t('reviewers.title')}</h3>}>
      <Typography.Paragraph type="secondary">{t('reviewers.help')}</Typography.Paragraph>
      {editable && (
        <ProblemForm<InviteValues>
          form={form}
          name="inviteReviewer"
          layout="inline"
          onFinish={(values) => invite.mutate(values)}
          style={{ rowGap: 8, marginBottom: 16 }}
        >
          <Form.Item
            name="email"
            label={t('reviewers.email')}
            rules={[
              { required: true, whitespace: true, message: t('reviewers.emailRequired') },
              { type: 'email', message: t('reviewers.emailInvalid') },
            ]}
          >
            <Input type="email" autoComplete="off" placeholder="expert@example.cn" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" icon={<UserAddOutlined />} loading={invite.isPending}>
              {t('reviewers.invite')}
            </Button>
          </Form.Item>
        </ProblemForm>
      )}
      <QueryState query={reviewers}>
        {(items) => (
          <List
            size="small"
            dataSource={items}
            locale={{ emptyText: t('reviewers.none') }}
            renderItem={(reviewer) => (
              <List.Item
                actions={
                  editable && reviewer.scoredBids === 0
                    ? [
                        <Button
                          key="remove"
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          loading={remove.isPending && remove.variables === reviewer.userId}
                          aria-label={t('reviewers.removeLabel', { name: reviewer.displayName })}
                          onClick={() => remove.mutate(reviewer.userId)}
                        >
                          {t('reviewers.remove')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space wrap size={[12, 0]}>
                  <Typography.Text strong>{reviewer.displayName}</Typography.Text>
                  <Typography.Text type="secondary">{reviewer.email}</Typography.Text>
                  <Typography.Text>{t('reviewers.scored', { count: reviewer.scoredBids })}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
