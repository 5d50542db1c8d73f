import { CreateDemandSchema1764288000200 } from './1764288000200-create-demand-schema';
import { RecordAwardWinners1766000000200 } from './1766000000200-record-award-winners';
import { CreateDemandAttachments1767100000200 } from './1767100000200-create-demand-attachments';
import { CreateQuestions1768000000200 } from './1768000000200-create-questions';

export const DEMAND_MIGRATIONS = [
  CreateDemandSchema1764288000200,
  RecordAwardWinners1766000000200,
  CreateDemandAttachments1767100000200,
  CreateQuestions1768000000200,
];
