import { Injectable } from '@nestjs/common';
import { ListingRepository } from './listing.repository';

/** What other modules may ask of the listing projection. */
@Injectable()
export class ListingsService {
  constructor(private readonly listings: ListingRepository) {}

  /** How many needs matching has heard of (the demo waits for its projection to catch up). */
  count(): Promise<number> {
    return this.listings.count();
  }

  /** Which of these needs matching does not yet hold as published (not yet heard of, or not yet public). */
  async unpublished(demandIds: string[]): Promise<string[]> {
    const published = await this.listings.publicAmong(demandIds);
    return demandIds.filter((id) => !published.has(id));
  }
}
