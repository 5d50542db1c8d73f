import { Module } from '@nestjs/common';
import { DemandModule } from '@jiebang/demand';
import { IdentityModule } from '@jiebang/identity';
import { MatchingModule } from '@jiebang/matching';
import { DemoSeeder } from './demo-seeder';
import { MatchingStory } from './matching-story';

/** The demo generator; composes the contexts' public services, so only apps host it. */
@Module({
  imports: [IdentityModule, DemandModule, MatchingModule],
  providers: [DemoSeeder, MatchingStory],
  exports: [DemoSeeder],
})
export class DemoModule {}
