import { App, Alert, Button, Empty, Flex, Form, Input, Modal, Pagination, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import { formatDateTime } from '../../shared/format';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { QueryState } from '../../shared/QueryState';
import { LINK, MUTED } from '../hall/tone';
import { QA_PAGE_SIZE, type Question, useAnswer, useAsk, useHide, useQuestions, useUnhide } from './queries';

const QUESTION_MAX = 1000;
const ANSWER_MAX = 2000;
const REASON_MAX = 300;

/** 答疑: a need's public questions and answers, with the forms the caller may use. */
export function QuestionsPanel({ demandId, status }: { demandId: string; status: string }) {
  const { t } = useTranslation('qa');
  const [page, setPage] = useState(1);
  const questions = useQuestions(demandId, page);
  return (
    <div>
      <Typography.Paragraph style={{ color: MUTED }}>{t('rules')}</Typography.Paragraph>
      {questions.data && <AskArea demandId={demandId} status={status} mayAsk={questions.data.mayAsk} />}
      <QueryState query={questions} isEmpty={(data) => data.total === 0} empty={<Empty description={t('empty')} />}>
        {(data) => (
          <>
            <ol aria-label={t('listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((question) => (
                <QuestionItem
                  key={question.id}
                  demandId={demandId}
                  question={question}
                  mayAnswer={data.mayAnswer}
                  mayModerate={data.mayModerate}
                />
              ))}
            </ol>
            {data.total > QA_PAGE_SIZE && (
              <Pagination
                style={{ marginTop: 16 }}
                current={page}
                pageSize={QA_PAGE_SIZE}
                total={data.total}
                showSizeChanger={false}
                onChange={setPage}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The ask form for a team while bidding is open; otherwise why one cannot ask. */
function AskArea({ demandId, status, mayAsk }: { demandId: string; status: string; mayAsk: boolean }) {
  const { t } = useTranslation('qa');
  const session = useSession();
  const open = status === 'published';
  if (mayAsk) return <AskForm demandId={demandId} />;
  if (!open) return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('closed')} />;
  if (!session) {
    return (
      <Typography.Paragraph>
        <Link to="/login" style={{ color: LINK }}>
          {t('signInToAsk')}
        </Link>
      </Typography.Paragraph>
    );
  }
  return null;
}

function AskForm({ demandId }: { demandId: string }) {
  const { t } = useTranslation('qa');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ question: string }>();
  const showFailure = useFormFailure();
  const ask = useAsk(demandId);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginBottom: 24 }}
      onFinish={(values) =>
        ask.mutate(values.question.trim(), {
          onSuccess: () => {
            form.resetFields();
            void message.success(t('asked'));
          },
          onError: (error) => showFailure(form, error),
        })
      }
    >
      <Form.Item
        name="question"
        label={t('askLabel')}
        extra={t('askHint')}
        rules={[
          { required: true, whitespace: true, message: t('required') },
          { min: 5, max: QUESTION_MAX, message: t('questionLength', { min: 5, max: QUESTION_MAX }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} showCount maxLength={QUESTION_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={ask.isPending}>
        {t('ask')}
      </Button>
    </Form>
  );
}

function QuestionItem({
  demandId,
  question,
  mayAnswer,
  mayModerate,
}: {
  demandId: string;
  question: Question;
  mayAnswer: boolean;
  mayModerate: boolean;
}) {
  const { t } = useTranslation('qa');
  const headingId = `question-${question.id}`;
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
      <article aria-labelledby={headingId}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
          <Tag color="red">{t('q')}</Tag>
          {question.mine && <Tag color="blue">{t('mine')}</Tag>}
          {!question.answer && <Tag>{t('unanswered')}</Tag>}
          {question.hidden && <Tag color="default">{t('hidden')}</Tag>}
          <Typography.Text style={{ color: MUTED, fontSize: 12 }}>
            {t('askedAt', { at: formatDateTime(question.askedAt) })}
          </Typography.Text>
          {question.asker && (
            <Typography.Text style={{ color: MUTED, fontSize: 12 }}>
              {t('asker', { name: question.asker.name ?? '—' })}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Paragraph id={headingId} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {question.question}
        </Typography.Paragraph>
        {question.hidden && (
          <Alert
            type="warning"
            style={{ marginTop: 8 }}
            title={t('hiddenBecause', { reason: question.hidden.reason, at: formatDateTime(question.hidden.at) })}
          />
        )}
        {question.answer ? (
          <div style={{ marginTop: 8, paddingLeft: 12, borderLeft: '3px solid #f0f0f0' }}>
            <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
              <Tag color="green">{t('a')}</Tag>
              <Typography.Text style={{ color: MUTED, fontSize: 12 }}>
                {t('answeredAt', {
                  at: formatDateTime(question.answeredAt),
                  by: t(`answeredBy.${question.answeredByRole ?? 'enterprise'}`),
                })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{question.answer}</Typography.Paragraph>
          </div>
        ) : (
          mayAnswer && !question.hidden && <AnswerForm demandId={demandId} question={question} />
        )}
        {mayModerate && <Moderation demandId={demandId} question={question} />}
      </article>
    </li>
  );
}

function AnswerForm({ demandId, question }: { demandId: string; question: Question }) {
  const { t } = useTranslation('qa');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const showFailure = useFormFailure();
  const answer = useAnswer(demandId);
  return (
    <Form
      form={form}
      // Each question's form names its fields apart: one page holds many answer forms.
      name={`answer-${question.id}`}
      layout="vertical"
      style={{ marginTop: 8 }}
      onFinish={(values) =>
        answer.mutate(
          { questionId: question.id, answer: values.answer.trim() },
          {
            onSuccess: () => void message.success(t('answered')),
            onError: (error) => showFailure(form, error),
          },
        )
      }
    >
      <Form.Item
        name="answer"
        label={t('answerLabel')}
        extra={t('answerHint')}
        rules={[
          { required: true, whitespace: true, message: t('required') },
          { min: 2, max: ANSWER_MAX, message: t('answerLength', { min: 2, max: ANSWER_MAX }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} showCount maxLength={ANSWER_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        {t('answer')}
      </Button>
    </Form>
  );
}

/** The office hides an improper question (with a reason) or shows it again. */
function Moderation({ demandId, question }: { demandId: string; question: Question }) {
  const { t } = useTranslation('qa');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const showFailure = useFormFailure();
  const [form] = Form.useForm<{ reason: string }>();
  const [hiding, setHiding] = useState(false);
  const hide = useHide(demandId);
  const unhide = useUnhide(demandId);
  if (question.hidden) {
    return (
      <Button
        size="small"
        style={{ marginTop: 8 }}
        loading={unhide.isPending}
        onClick={() =>
          unhide.mutate(question.id, {
            onSuccess: () => void message.success(t('unhidden')),
            onError: (error) => void message.error(problemText(error)),
          })
        }
      >
        {t('unhide')}
      </Button>
    );
  }
  return (
    <>
      <Button size="small" danger style={{ marginTop: 8 }} onClick={() => setHiding(true)}>
        {t('hide')}
      </Button>
      <Modal
        open={hiding}
        title={t('hideTitle')}
        okText={t('hide')}
        okButtonProps={{ danger: true, loading: hide.isPending }}
        cancelText={common('action.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setHiding(false)}
        destroyOnHidden
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{question.question}</Typography.Paragraph>
        <Form
          form={form}
          name={`hide-${question.id}`}
          layout="vertical"
          onFinish={(values) =>
            hide.mutate(
              { questionId: question.id, reason: values.reason.trim() },
              {
                onSuccess: () => {
                  setHiding(false);
                  void message.success(t('hiddenDone'));
                },
                onError: (error) => showFailure(form, error),
              },
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('reasonLabel')}
            rules={[
              { required: true, whitespace: true, message: t('required') },
              { min: 2, max: REASON_MAX, message: t('reasonLength', { min: 2, max: REASON_MAX }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} showCount maxLength={REASON_MAX} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The tab's label: 答疑 with the number of questions the caller sees. */
export function QuestionsTabLabel({ demandId }: { demandId: string }) {
  const { t } = useTranslation('qa');
  const questions = useQuestions(demandId);
  return <>{questions.data ? t('tabCount', { count: questions.data.total }) : t('tab')}</>;
}
