export { IDENTITY_ERRORS } from './identity.errors';
export { IdentityModule } from './identity.module';
export { IDENTITY_MIGRATIONS } from './migrations';
export { UsersService } from './users/users.service';
