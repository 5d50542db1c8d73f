import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { MUTED } from '../hall/tone';
import { AnswerForm } from './AnswerForm';
import { Moderation } from './Moderation';
import { type Question } from './queries';

/** One question with its answer, or the answer form, and the office's moderation. */
export function QuestionItem({
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
