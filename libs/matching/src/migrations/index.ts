import { CreateMatchingSchema1764288000400 } from './1764288000400-create-matching-schema';
import { CreateMatchingAttachments1767100000400 } from './1767100000400-create-matching-attachments';
import { CreateEngagementThreads1767300000400 } from './1767300000400-create-engagement-threads';

export const MATCHING_MIGRATIONS = [
  CreateMatchingSchema1764288000400,
  CreateMatchingAttachments1767100000400,
  CreateEngagementThreads1767300000400,
];
