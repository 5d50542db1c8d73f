import { CreateIdentitySchema1764288000100 } from './1764288000100-create-identity-schema';

export const IDENTITY_MIGRATIONS = [CreateIdentitySchema1764288000100];
