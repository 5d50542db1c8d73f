import { CreateMatchingSchema1764288000400 } from './1764288000400-create-matching-schema';

export const MATCHING_MIGRATIONS = [CreateMatchingSchema1764288000400];
