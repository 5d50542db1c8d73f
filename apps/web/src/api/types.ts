import type { components, paths } from './schema';

/** A schema of the OpenAPI document by name: `Schema<'BidView'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The query parameters of a GET route: `QueryOf<'/api/v1/search/demands'>`. */
export type QueryOf<Path extends keyof paths> = paths[Path] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

export type { paths };
