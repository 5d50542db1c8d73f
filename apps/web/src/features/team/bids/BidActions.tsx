import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { useTeamProblems } from '../problems';
import { submitBid, teamKeys, withdrawBid } from '../queries';

type Bid = Schema<'BidView'>;

/** What the bidding team may still do with its bid: edit and submit before the deadline, withdraw before the award. */
export function BidActions({ bid, open }: { bid: Bid; open: boolean }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problems = useTeamProblems();
  const active = bid.status === 'draft' || bid.status === 'submitted';

  const settle = (saved: Bid) => {
    queryClient.setQueryData(teamKeys.bid(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: teamKeys.bids });
  };
  const submit = useMutation({
    mutationFn: () => submitBid(bid.id),
    onSuccess: (saved) => {
      settle(saved);
      void message.success(t('bidForm.submitted'));
    },
    onError: (error) => modal.error({ title: t('bidPage.submitFailed'), content: problems.text(error) }),
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawBid(bid.id),
    onSuccess: (saved) => {
      settle(saved);
      void message.success(t('bidForm.withdrawn'));
    },
    onError: (error) => modal.error({ title: t('bidPage.withdrawFailed'), content: problems.text(error) }),
  });

  const confirmSubmit = () => {
    modal.confirm({
      title: t('bidForm.confirmSubmit.title'),
      content: t('bidForm.confirmSubmit.content'),
      okText: t('bidForm.submit'),
      cancelText: common('action.cancel'),
      onOk: () => submit.mutate(),
    });
  };
  const confirmWithdraw = () => {
    modal.confirm({
      title: t('bidForm.confirmWithdraw.title'),
      content: t('bidForm.confirmWithdraw.content'),
      okText: t('bidForm.withdraw'),
      okButtonProps: { danger: true },
      cancelText: common('action.cancel'),
      onOk: () => withdraw.mutate(),
    });
  };

  if (!active) return null;
  return (
    <Space wrap>
      {open && (
        <Button onClick={() => void navigate(`/team/bids/${bid.id}/edit`)}>
          {bid.status === 'draft' ? t('bidPage.continue') : t('bidPage.edit')}
        </Button>
      )}
      {open && bid.status === 'draft' && (
        <Button type="primary" loading={submit.isPending} onClick={confirmSubmit}>
          {t('bidForm.submit')}
        </Button>
      )}
      <Button danger loading={withdraw.isPending} onClick={confirmWithdraw}>
        {t('bidForm.withdraw')}
      </Button>
    </Space>
  );
}
