import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { useProblemText } from '../../../shared/problems';
import { QueryState } from '../../../shared/QueryState';
import { addBatchDemands, useApprovedDemands } from '../queries';

interface AddDemandsProps {
  batchId: string;
  onAdded: () => void;
}

/** Picks approved needs outside any batch and adds them to this draft batch in one call. */
export function AddDemands({ batchId, onAdded }: AddDemandsProps) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const problemText = useProblemText();
  const approved = useApprovedDemands(true);
  const [selected, setSelected] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: (demandIds: string[]) => addBatchDemands(batchId, demandIds),
    onSuccess: (_, demandIds) => {
      void message.success(t('batches.detail.added', { count: demandIds.length }));
      setSelected([]);
      onAdded();
    },
    onError: (error) => {
      const details = error instanceof ApiError ? error.fieldErrors.map((problem) => problem.message) : [];
      void message.error([problemText(error), ...details].join('；'));
    },
  });

  return (
    <QueryState query={approved}>
      {(demands) =>
        demands.length === 0 ? (
          <Typography.Text>{t('batches.detail.noApproved')}</Typography.Text>
        ) : (
          <Form layout="vertical" onFinish={() => add.mutate(selected)}>
            <Form.Item label={t('batches.detail.addLabel')} htmlFor="batch-add-demands">
              <Select
                id="batch-add-demands"
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('batches.detail.addPlaceholder')}
                value={selected}
                onChange={setSelected}
                options={demands.map((demand) => ({
                  value: demand.id,
                  label: [demand.code, demand.title, demand.owner.name].filter(Boolean).join(' · '),
                }))}
              />
            </Form.Item>
            <Flex gap={8}>
              <Button autoInsertSpace={false} onClick={() => setSelected(demands.map((demand) => demand.id))}>
                {t('batches.detail.selectAll')}
              </Button>
              <Button type="primary" htmlType="submit" disabled={selected.length === 0} loading={add.isPending}>
                {t('batches.detail.addSubmit')}
              </Button>
            </Flex>
          </Form>
        )
      }
    </QueryState>
  );
}
