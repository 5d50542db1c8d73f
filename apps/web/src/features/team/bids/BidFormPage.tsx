import { Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { QueryState } from '../../../shared/QueryState';
import { useBid, useDemand, useOwnBidsOn, useTeamProfile } from '../queries';
import { BidEditor } from './BidEditor';
import { DemandSummary } from './DemandSummary';
import { ButtonLink } from '../../../shared/ButtonLink';

type Demand = Schema<'DemandPublicView'>;

/** /team/bids/new?demand=… and /team/bids/:id/edit: the need on top, the bid form below. */
export function BidFormPage() {
  const { t } = useTranslation('team');
  const { id } = useParams();
  const [search] = useSearchParams();
  const bid = useBid(id);
  const demandId = id ? bid.data?.demandId : (search.get('demand') ?? undefined);

  const title = (
    <Typography.Title level={1} style={{ fontSize: 22 }}>
      {id ? t('bidForm.editTitle') : t('bidForm.newTitle')}
    </Typography.Title>
  );

  if (!id && !demandId) {
    return (
      <>
        {title}
        <Result
          status="info"
          title={t('bidForm.noDemand')}
          extra={
            <ButtonLink to="/hall" type="primary">
              {t('bidForm.toHall')}
            </ButtonLink>
          }
        />
      </>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {title}
      {id ? (
        <QueryState query={bid}>{(loaded) => <EditBid bid={loaded} />}</QueryState>
      ) : (
        <NewBid demandId={demandId!} />
      )}
    </Space>
  );
}

function EditBid({ bid }: { bid: Schema<'BidView'> }) {
  const { t } = useTranslation('team');
  if (bid.status !== 'draft' && bid.status !== 'submitted') {
    return (
      <Result
        status="warning"
        title={t('bidForm.notEditable')}
        extra={
          <ButtonLink to={`/bids/${bid.id}`} type="primary">
            {t('bidForm.viewBid')}
          </ButtonLink>
        }
      />
    );
  }
  return <WithDemand demandId={bid.demandId} bid={bid} />;
}

/** A team has one active bid per need: a second visit continues the first instead of starting over. */
function NewBid({ demandId }: { demandId: string }) {
  const own = useOwnBidsOn(demandId);
  return (
    <QueryState query={own}>
      {(bids) => {
        const active = bids.find((bid) => bid.status === 'draft' || bid.status === 'submitted');
        return active ? <Navigate to={`/team/bids/${active.id}/edit`} replace /> : <WithDemand demandId={demandId} />;
      }}
    </QueryState>
  );
}

function WithDemand({ demandId, bid }: { demandId: string; bid?: Schema<'BidView'> }) {
  const demand = useDemand(demandId);
  const profile = useTeamProfile();
  return (
    <QueryState query={demand}>
      {(loaded: Demand) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <DemandSummary demand={loaded} />
          <BidEditor key={bid?.id ?? 'new'} demand={loaded} bid={bid} keyMembers={profile.data?.members ?? []} />
        </Space>
      )}
    </QueryState>
  );
}
