import { Module } from '@nestjs/common';
import { SearchIndexes } from './index/index-names';
import { DocumentRepository } from './indexer/document.repository';
import { IndexSync } from './indexer/index-sync';
import { SearchEventsConsumer } from './indexer/search-events.consumer';
import { OperationLock } from './ops/operation-lock.repository';
import { SearchOperationsController } from './ops/search-operations.controller';
import { SearchOperations } from './ops/search-operations.service';
import { SearchController } from './search/search.controller';
import { SearchService } from './search/search.service';
import { SuggestionsService } from './teams/suggestions.service';

/** Chinese full-text search of needs and team suggestions. Hosted by search-service and marketplace. */
@Module({
  controllers: [SearchController, SearchOperationsController],
  providers: [
    SearchIndexes,
    DocumentRepository,
    IndexSync,
    OperationLock,
    SearchEventsConsumer,
    SearchService,
    SuggestionsService,
    SearchOperations,
  ],
  exports: [SearchOperations, IndexSync],
})
export class SearchModule {}
