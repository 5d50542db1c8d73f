export { BATCHES } from './batches';
export { ENTERPRISES } from './enterprises';
export { buildNeeds } from './needs';
export type { BatchSeed, EnterpriseSeed, NeedSeed } from './types';
