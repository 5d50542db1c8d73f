import type { DemandStatus, DomainEvent } from '@jiebang/contracts';
import { EventBus } from '@jiebang/platform';
import { type DemandRecord, toSnapshot } from './demand.record';

/**
 * The event a change of a need emits, built from the need as committed (its new version):
 * publication and withdrawal have their own events, any other move is a status change.
 */
export function eventFor(after: DemandRecord, from: DemandStatus | null): DomainEvent {
  const demand = toSnapshot(after);
  if (after.status === 'published' && from === 'approved') {
    return EventBus.envelope('demand.published', after.id, after.version, { demand });
  }
  if (after.status === 'withdrawn') return EventBus.envelope('demand.withdrawn', after.id, after.version, { demand });
  if (from === null || from === after.status)
    return EventBus.envelope('demand.updated', after.id, after.version, { demand });
  return EventBus.envelope('demand.status_changed', after.id, after.version, { demand, from, to: after.status });
}
