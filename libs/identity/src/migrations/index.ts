import { CreateIdentitySchema1764288000100 } from './1764288000100-create-identity-schema';
import { TrackDeactivation1766000000100 } from './1766000000100-track-deactivation';

export const IDENTITY_MIGRATIONS = [CreateIdentitySchema1764288000100, TrackDeactivation1766000000100];
