import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { useProblemText } from '../../../shared/problems';
import { publishBatch } from '../queries';

interface PublishBatchProps {
  batchId: string;
  title: string;
  /** Needs in the batch: an empty batch cannot be published. */
  count: number;
  draft: boolean;
}

/** 发布批次: confirmed first, all the batch's needs published at once, then the outcome. */
export function PublishBatch({ batchId, title, count, draft }: PublishBatchProps) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { message, modal } = App.useApp();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => publishBatch(batchId),
    onSuccess: (published) => {
      void message.success(t('batches.detail.published', { count: published.demandCount }));
      // The needs are public now: the hall, the batches and everyone's lists change.
      void queryClient.invalidateQueries();
    },
  });
  const problems = publish.error instanceof ApiError ? publish.error.fieldErrors : [];

  const confirm = () => {
    void modal.confirm({
      title: t('batches.detail.publishConfirm.title', { title }),
      content: t('batches.detail.publishConfirm.content', { count }),
      okText: t('batches.detail.publishConfirm.ok'),
      cancelText: common('action.cancel'),
      // Returning the promise keeps the dialog open, its button spinning, until the server answers.
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });
  };

  return (
    <>
      {draft && (
        <Button type="primary" loading={publish.isPending} disabled={count === 0} onClick={confirm}>
          {t('batches.detail.publish')}
        </Button>
      )}
      {publish.isPending && <Alert type="info" showIcon title={t('batches.detail.publishing')} />}
      {publish.isSuccess && (
        <Alert type="success" showIcon title={t('batches.detail.published', { count: publish.data.demandCount })} />
      )}
      {publish.isError && (
        <Alert
          type="error"
          showIcon
          title={`${t('batches.detail.publishFailed')}：${problemText(publish.error)}`}
          description={
            problems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((problem) => (
                  <li key={problem.field}>{problem.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </>
  );
}
