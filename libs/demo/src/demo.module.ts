import { Module } from '@nestjs/common';
import { DemandModule } from '@jiebang/demand';
import { IdentityModule } from '@jiebang/identity';
import { DemoSeeder } from './demo-seeder';

/** The demo generator; composes the contexts' public services, so only apps host it. */
@Module({
  imports: [IdentityModule, DemandModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
