import type { Principal } from '@jiebang/contracts';

/** Who acts, and — for the demo generator replaying history — when. */
export interface Actor {
  principal: Principal;
  at?: Date;
}
