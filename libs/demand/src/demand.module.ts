import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemandAttachment } from './attachments/demand-attachment.entity';
import { DemandAttachmentsController } from './attachments/demand-attachments.controller';
import { DemandAttachmentsRepository } from './attachments/demand-attachments.repository';
import { DemandAttachmentsService } from './attachments/demand-attachments.service';
import { Transition } from './audit/transition.entity';
import { TransitionRepository } from './audit/transition.repository';
import { Batch } from './batches/batch.entity';
import { BatchExportService } from './batches/batch-export.service';
import { BatchRepository } from './batches/batch.repository';
import { BatchesController } from './batches/batches.controller';
import { BatchesService } from './batches/batches.service';
import { Demand } from './demands/demand.entity';
import { DemandRepository } from './demands/demand.repository';
import { DemandsController } from './demands/demands.controller';
import { DemandsService } from './demands/demands.service';
import { AdvisorPortfolio, OrganisationEntry } from './directory/directory.entities';
import { DirectoryRepository } from './directory/directory.repository';
import { IdentityEventsConsumer } from './directory/identity-events.consumer';
import { DemandClockJob } from './jobs/demand-clock.job';
import { MatchingEventsConsumer } from './jobs/matching-events.consumer';
import { Question } from './questions/question.entity';
import { QuestionRepository } from './questions/question.repository';
import { QuestionsController } from './questions/questions.controller';
import { QuestionsService } from './questions/questions.service';
import { DemandImportController } from './spreadsheets/demand-import.controller';
import { DemandImportService } from './spreadsheets/demand-import.service';

/** Needs, their review, batches and publication, and their public Q&A. Hosted by demand-service and marketplace. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Demand,
      Transition,
      Batch,
      OrganisationEntry,
      AdvisorPortfolio,
      DemandAttachment,
      Question,
    ]),
  ],
  // The import route must be registered before `:id` routes of the same prefix.
  controllers: [
    DemandImportController,
    DemandsController,
    DemandAttachmentsController,
    QuestionsController,
    BatchesController,
  ],
  providers: [
    DemandsService,
    BatchesService,
    BatchExportService,
    DemandImportService,
    QuestionsService,
    QuestionRepository,
    DemandRepository,
    TransitionRepository,
    BatchRepository,
    DirectoryRepository,
    IdentityEventsConsumer,
    MatchingEventsConsumer,
    DemandClockJob,
    DemandAttachmentsRepository,
    DemandAttachmentsService,
  ],
  exports: [DemandsService, BatchesService, DemandImportService, DemandClockJob],
})
export class DemandModule {}
