import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilePanel } from './FilePanel';

/** A bid's proposal and members' CVs, read by whoever may read the bid; its team uploads while it may edit. */
export function BidFiles({ bidId, editable = false }: { bidId: string; editable?: boolean }) {
  const { t } = useTranslation('files');
  const base = `/api/v1/bids/${bidId}/attachments`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <FilePanel
        base={base}
        title={t('bid.proposal')}
        editable={editable}
        fields={{ kind: 'proposal' }}
        filter={(file) => file.kind === 'proposal'}
        uploadLabel={t('bid.uploadProposal')}
      />
      <FilePanel
        base={base}
        title={t('bid.cv')}
        editable={editable}
        fields={{ kind: 'cv' }}
        filter={(file) => file.kind === 'cv'}
        uploadLabel={t('bid.uploadCv')}
      />
    </Space>
  );
}
