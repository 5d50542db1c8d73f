import { CreateMatchingSchema1764288000400 } from './1764288000400-create-matching-schema';
import { CreateMatchingAttachments1767100000400 } from './1767100000400-create-matching-attachments';

export const MATCHING_MIGRATIONS = [CreateMatchingSchema1764288000400, CreateMatchingAttachments1767100000400];
