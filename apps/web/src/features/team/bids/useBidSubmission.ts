import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/problem';
import { type Schema } from '../../../api/types';
import { useTeamProblems } from '../problems';
import { createBid, fetchBid, submitBid, teamKeys, updateBid, withdrawBid } from '../queries';
import { type BidFormValues, type Proposal } from './bidValues';

type Bid = Schema<'BidView'>;

interface Save {
  proposal: Proposal;
  submit: boolean;
  /** The version the edit is based on; the one last read unless the user chose to overwrite. */
  version?: number;
}

interface BidSubmissionOptions {
  demand: Schema<'DemandPublicView'>;
  bid?: Bid;
  form: FormInstance<BidFormValues>;
  /** Called whenever the server holds the bid as typed: the unsaved copy is no longer needed. */
  onSaved: () => void;
}

/** Saving, submitting and withdrawing a bid: a draft is saved whole, an edit with If-Match. */
export function useBidSubmission({ demand, bid, form, onSaved }: BidSubmissionOptions) {
  const { t } = useTranslation('team');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problems = useTeamProblems();
  const [version, setVersion] = useState(bid?.version);
  const [problem, setProblem] = useState<string | null>(null);
  const submitted = bid?.status === 'submitted';

  const settle = (saved: Bid) => {
    onSaved();
    setVersion(saved.version);
    queryClient.setQueryData(teamKeys.bid(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: teamKeys.bids });
  };

  const save = useMutation({
    mutationFn: async ({ proposal, submit, version: base }: Save): Promise<Bid> => {
      if (!bid) return createBid(demand.id, { ...proposal, submit });
      const saved = await updateBid({ id: bid.id, version: base ?? version ?? bid.version }, proposal);
      settle(saved);
      if (!submit || saved.status !== 'draft') return saved;
      return submitBid(bid.id);
    },
    onSuccess: (saved, { submit }) => {
      settle(saved);
      if (submit) {
        void message.success(t('bidForm.submitted'));
        void navigate(`/bids/${saved.id}`);
      } else if (!bid) {
        void message.success(t('bidForm.draftSaved'));
        void navigate(`/team/bids/${saved.id}/edit`, { replace: true });
      } else {
        void message.success(submitted ? t('bidForm.changesSaved') : t('bidForm.draftSaved'));
      }
    },
    onError: (error, variables) => {
      if (bid && error instanceof ApiError && error.code === 'BID_VERSION_MISMATCH') {
        offerOverwrite(bid.id, variables);
        return;
      }
      const text = problems.formText(form, error);
      setProblem(text);
      void message.error(text);
    },
  });

  const withdraw = useMutation({
    mutationFn: withdrawBid,
    onSuccess: (saved) => {
      settle(saved);
      void message.success(t('bidForm.withdrawn'));
      void navigate(`/bids/${saved.id}`);
    },
    onError: (error) => {
      const text = problems.text(error);
      setProblem(text);
      void message.error(text);
    },
  });

  // Someone else saved this bid meanwhile: keep the form, and let the user decide whether theirs wins.
  const offerOverwrite = (id: string, variables: Save) => {
    const text = t('problems.BID_VERSION_MISMATCH');
    setProblem(text);
    modal.confirm({
      title: text,
      content: t('bidForm.overwrite.content'),
      okText: t('bidForm.overwrite.ok'),
      cancelText: t('bidForm.overwrite.keep'),
      onOk: async () => {
        try {
          const latest = await fetchBid(id);
          save.mutate({ ...variables, version: latest.version });
        } catch (error) {
          void message.error(problems.text(error));
        }
      },
    });
  };

  return { save, withdraw, problem, setProblem };
}
