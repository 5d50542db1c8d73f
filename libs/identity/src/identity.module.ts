import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AuthRateLimitMiddleware } from '@jiebang/platform';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdvisorAssignment } from './advisors/advisor-assignment.entity';
import { AdvisorAssignmentRepository } from './advisors/advisor-assignment.repository';
import { AdvisorsController } from './advisors/advisors.controller';
import { AdvisorsService } from './advisors/advisors.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { RefreshTokenRepository } from './auth/refresh-token.repository';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationRepository } from './organisations/organisation.repository';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { AccountSeeder } from './users/account-seeder';
import { FirstAdmin } from './users/first-admin';
import { User } from './users/user.entity';
import { UserRepository } from './users/user.repository';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Users, organisations, advisors' portfolios and sign-in. Hosted by demand-service and marketplace. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, User, AdvisorAssignment, RefreshToken])],
  controllers: [AuthController, UsersController, OrganisationsController, AdvisorsController],
  providers: [
    AuthService,
    UsersService,
    OrganisationsService,
    AdvisorsService,
    UserRepository,
    OrganisationRepository,
    AdvisorAssignmentRepository,
    RefreshTokenRepository,
    FirstAdmin,
    AccountSeeder,
  ],
  exports: [UsersService, AccountSeeder, AdvisorsService],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(AuthRateLimitMiddleware)
      .forRoutes(
        { path: 'api/v1/auth/login', method: RequestMethod.POST },
        { path: 'api/v1/auth/register', method: RequestMethod.POST },
        { path: 'api/v1/auth/refresh', method: RequestMethod.POST },
      );
  }
}
