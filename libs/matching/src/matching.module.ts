import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartiesRepository } from './access/parties.repository';
import { MatchingReadiness } from './common/matching-readiness';
import { AdvisorRecordsController } from './advisors/advisor-records.controller';
import { Conversion, Matchmaking } from './advisors/advisor-records.entity';
import { AdvisorRecordsRepository } from './advisors/advisor-records.repository';
import { AdvisorRecordsService } from './advisors/advisor-records.service';
import { AttachmentParents } from './attachments/attachment-parents';
import { MatchingAttachment } from './attachments/attachment.entity';
import {
  BidAttachmentsController,
  ConversionAttachmentsController,
  MessageAttachmentsController,
  MilestoneAttachmentsController,
} from './attachments/attachments.controller';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { AttachmentsService } from './attachments/attachments.service';
import { AuditEntry } from './audit/audit.entity';
import { AuditRepository } from './audit/audit.repository';
import { AwardController } from './awards/award.controller';
import { AwardRepository } from './awards/award.repository';
import { AwardService } from './awards/award.service';
import { Bid } from './bids/bid.entity';
import { BidRepository } from './bids/bid.repository';
import { BidsController, DemandBidsController } from './bids/bids.controller';
import { BidsService } from './bids/bids.service';
import { Engagement, Milestone } from './engagements/engagement.entity';
import { EngagementRepository } from './engagements/engagement.repository';
import { EngagementsController } from './engagements/engagements.controller';
import { EngagementsService } from './engagements/engagements.service';
import { MilestoneClockJob } from './engagements/milestone-clock.job';
import { EvaluationController } from './evaluation/evaluation.controller';
import { EvaluationRepository } from './evaluation/evaluation.repository';
import { EvaluationService } from './evaluation/evaluation.service';
import { AdvisorPortfolio, Listing, OrganisationEntry } from './listings/listing.entity';
import { ListingEventsConsumer } from './listings/listing-events.consumer';
import { ListingRepository } from './listings/listing.repository';
import { ListingsService } from './listings/listings.service';
import { StatsController } from './stats/stats.controller';
import { StatsRepository } from './stats/stats.repository';
import { StatsService } from './stats/stats.service';
import { Achievement, TeamProfile } from './teams/team-profile.entity';
import { ThreadController } from './threads/thread.controller';
import { EngagementMessage, ThreadRead } from './threads/thread.entity';
import { ThreadRepository } from './threads/thread.repository';
import { ThreadService } from './threads/thread.service';
import { TeamProfileRepository } from './teams/team-profile.repository';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';

/** Teams, bids, evaluation, awards, engagements and their threads, advisors' records, and statistics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Listing,
      OrganisationEntry,
      AdvisorPortfolio,
      TeamProfile,
      Achievement,
      Bid,
      Engagement,
      Milestone,
      EngagementMessage,
      ThreadRead,
      Matchmaking,
      Conversion,
      AuditEntry,
      MatchingAttachment,
    ]),
  ],
  controllers: [
    TeamsController,
    DemandBidsController,
    BidsController,
    EvaluationController,
    AwardController,
    EngagementsController,
    ThreadController,
    AdvisorRecordsController,
    StatsController,
    BidAttachmentsController,
    MilestoneAttachmentsController,
    ConversionAttachmentsController,
    MessageAttachmentsController,
  ],
  providers: [
    ListingRepository,
    ListingsService,
    ListingEventsConsumer,
    PartiesRepository,
    AuditRepository,
    TeamProfileRepository,
    TeamsService,
    BidRepository,
    BidsService,
    EvaluationRepository,
    EvaluationService,
    AwardRepository,
    AwardService,
    EngagementRepository,
    EngagementsService,
    MilestoneClockJob,
    ThreadRepository,
    ThreadService,
    AdvisorRecordsRepository,
    AdvisorRecordsService,
    StatsRepository,
    StatsService,
    MatchingReadiness,
    AttachmentsRepository,
    AttachmentParents,
    AttachmentsService,
  ],
  exports: [
    ListingsService,
    TeamsService,
    BidsService,
    AwardService,
    EngagementsService,
    MilestoneClockJob,
    AdvisorRecordsService,
    StatsService,
  ],
})
export class MatchingModule {}
