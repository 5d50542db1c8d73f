import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, MEILI_CLIENT, ReadinessChecks } from '@jiebang/platform';
import { type Meilisearch, MeilisearchTaskTimeOutError, type Settings } from 'meilisearch';
import type { DocumentKind } from '../indexer/document.repository';
import { searchError } from '../search.errors';
import { demandIndexSettings, teamIndexSettings } from './index-settings';
import { loadSearchData, type SearchData } from './search-data';

/** The live indexes by kind, their settings, and the means to (re)create them. */
@Injectable()
export class SearchIndexes {
  private readonly logger = new Logger('SearchIndexes');
  readonly settings: Record<DocumentKind, Settings>;
  /** The dictionary, synonyms and regional variants of libs/search/data, read once at start. */
  readonly data: SearchData;

  constructor(
    @Inject(MEILI_CLIENT) readonly client: Meilisearch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readiness: ReadinessChecks,
  ) {
    this.data = loadSearchData(config.search.dataDir);
    this.settings = { demand: demandIndexSettings(this.data), team: teamIndexSettings(this.data) };
    // Only services hosting search depend on Meilisearch: the others stay ready while it is down.
    readiness.register('meilisearch', async () => {
      await this.client.health();
      return {};
    });
  }

  name(kind: DocumentKind): string {
    return `${this.config.search.indexPrefix}${kind === 'demand' ? 'demands' : 'teams'}`;
  }

  /** Runs a search; Meilisearch being unreachable is a 503 the client may retry, not a 500. */
  async query<T>(search: () => Promise<T>): Promise<T> {
    try {
      return await search();
    } catch (error) {
      // The client wraps what went wrong (Meilisearch's own error, a refused connection) as the cause.
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      this.logger.error(`search failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
      throw searchError('SEARCH_UNAVAILABLE', 'Search is temporarily unavailable; try again shortly.');
    }
  }

  /** Creates an index if missing and applies its settings (before any document). */
  async ensure(kind: DocumentKind, uid = this.name(kind)): Promise<void> {
    try {
      await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 30_000 });
      await this.client.index(uid).updateSettings(this.settings[kind]).waitTask({ timeout: 120_000 });
    } catch (error) {
      // A slow task is not a failure: Meilisearch applies it in order before later documents.
      if (error instanceof MeilisearchTaskTimeOutError) this.logger.warn(`settings of ${uid} still being applied`);
      else throw error;
    }
  }
}
