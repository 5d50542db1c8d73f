import type { Principal } from '@jiebang/contracts';

/** Who acts (a replay of history sets when through `Clock.replayAt`). */
export interface Actor {
  principal: Principal;
}
