import { ApiProperty } from '@nestjs/swagger';
import type { DocumentKind } from '../indexer/document.repository';

const KINDS: DocumentKind[] = ['demand', 'team'];

export class ReindexReport {
  @ApiProperty({ enum: KINDS })
  kind!: DocumentKind;

  @ApiProperty({ description: 'Documents written into the new index' })
  documents!: number;

  @ApiProperty({ description: 'Wall-clock time of the rebuild and swap' })
  seconds!: number;
}

export class ConsistencyReport {
  @ApiProperty({ enum: KINDS })
  kind!: DocumentKind;

  @ApiProperty({ description: 'Live documents stored in PostgreSQL' })
  inDatabase!: number;

  @ApiProperty({ description: 'Documents in the Meilisearch index' })
  inIndex!: number;

  @ApiProperty({ description: 'In PostgreSQL, not in the index' })
  missing!: number;

  @ApiProperty({ description: 'In both, at an older version in the index' })
  stale!: number;

  @ApiProperty({ description: 'In the index only; deleted from it' })
  extra!: number;

  @ApiProperty({ description: 'Documents queued for re-indexing or deleted to repair the drift' })
  repaired!: number;
}
