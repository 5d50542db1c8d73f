import { BellFilled, BellOutlined } from '@ant-design/icons';
import { PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useProblemText } from '../../shared/problems';
import { useSubscribe, useSubscriptions, useUnsubscribe } from './queries';

/** Follow a published need: its deadline reminders and status changes. Signed-in users only. */
export function FollowButton({ demandId, status }: { demandId: string; status: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const session = useSession();
  const subscriptions = useSubscriptions(Boolean(session));
  const follow = useSubscribe();
  const unfollow = useUnsubscribe();
  if (!session || !PUBLIC_DEMAND_STATUSES.some((s) => s === status)) return null;
  const following = subscriptions.data?.items.find((s) => s.kind === 'need' && s.demandId === demandId);
  const onError = (error: unknown) => void message.error(problemText(error));
  return (
    <Tooltip title={t('alerts.followHint')}>
      <Button
        block
        style={{ marginTop: 8 }}
        icon={following ? <BellFilled /> : <BellOutlined />}
        aria-pressed={Boolean(following)}
        loading={follow.isPending || unfollow.isPending}
        disabled={subscriptions.isLoading}
        onClick={() =>
          following
            ? unfollow.mutate(following.id, { onError })
            : follow.mutate({ kind: 'need', demandId }, { onError })
        }
      >
        {following ? t('alerts.following') : t('alerts.follow')}
      </Button>
    </Tooltip>
  );
}
