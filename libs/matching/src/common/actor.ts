import type { Principal } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';

/** Who acts, and — for the demo generator replaying history — when. */
export interface Actor {
  principal: Principal;
  at?: Date;
}

/** Database time (the transaction's start) unless a replayed history supplies its own. */
export async function clock(manager: EntityManager, at?: Date): Promise<Date> {
  if (at) return at;
  const rows = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
  return rows[0].now;
}
