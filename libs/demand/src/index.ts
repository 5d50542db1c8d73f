export { DEMAND_ERRORS } from './demand.errors';
export { DemandModule } from './demand.module';
export { BatchesService } from './batches/batches.service';
export { type Actor, DemandsService } from './demands/demands.service';
export { DemandClockJob } from './jobs/demand-clock.job';
export { DEMAND_MIGRATIONS } from './migrations';
export { DemandImportService } from './spreadsheets/demand-import.service';
