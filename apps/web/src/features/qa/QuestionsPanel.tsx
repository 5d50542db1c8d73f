import { Empty, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { MUTED } from '../hall/tone';
import { AskArea } from './AskArea';
import { QA_PAGE_SIZE, useQuestions } from './queries';
import { QuestionItem } from './QuestionItem';

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

/** The tab's label: 答疑 with the number of questions the caller sees. */
export function QuestionsTabLabel({ demandId }: { demandId: string }) {
  const { t } = useTranslation('qa');
  const questions = useQuestions(demandId);
  return <>{questions.data ? t('tabCount', { count: questions.data.total }) : t('tab')}</>;
}
