import { CreateDemandSchema1764288000200 } from './1764288000200-create-demand-schema';

export const DEMAND_MIGRATIONS = [CreateDemandSchema1764288000200];
