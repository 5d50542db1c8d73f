import { useQueryClient } from '@tanstack/react-query';
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { ConversionForm } from './ConversionForm';
import { MatchmakingForm } from './MatchmakingForm';
import { advisorKeys } from './queries';

export type RecordKind = 'matchmaking' | 'conversion';

/** A new record of a kind, or one of the advisor's records to correct. */
export type RecordTarget =
  | { kind: 'matchmaking'; record?: Schema<'MatchmakingView'> }
  | { kind: 'conversion'; record?: Schema<'ConversionView'> };

type RecordDrawerProps = RecordTarget & {
  /** The enterprise the record is for, when known (the row it was opened from, or the only one served). */
  organisationId?: string;
  onClose: () => void;
};

/** A compact form beside the workbench: a matchmaking or a conversion logged in under a minute. */
export function RecordDrawer({ organisationId, onClose, ...target }: RecordDrawerProps) {
  const { t } = useTranslation('advisor');
  const queryClient = useQueryClient();
  const done = () => {
    for (const queryKey of [advisorKeys.funnels, advisorKeys.matchmakings, advisorKeys.conversions]) {
      void queryClient.invalidateQueries({ queryKey });
    }
    onClose();
  };
  const props = { organisationId, onDone: done, onCancel: onClose };
  return (
    <Drawer
      open
      size="large"
      title={t(`${target.kind}.${target.record ? 'editTitle' : 'drawerTitle'}`)}
      onClose={onClose}
      // The form focuses its first field itself; the drawer would take the focus back.
      autoFocus={false}
    >
      {target.kind === 'matchmaking' ? (
        <MatchmakingForm {...props} record={target.record} />
      ) : (
        <ConversionForm {...props} record={target.record} />
      )}
    </Drawer>
  );
}
