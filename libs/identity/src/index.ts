export { IDENTITY_ERRORS } from './identity.errors';
export { IdentityModule } from './identity.module';
export { IDENTITY_MIGRATIONS } from './migrations';
export { AdvisorsService } from './advisors/advisors.service';
export { AccountSeeder, type SeedAccount, type SeededAccount } from './users/account-seeder';
export { UsersService } from './users/users.service';
