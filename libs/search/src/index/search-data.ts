import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SearchData {
  dictionary: string[];
  /** Meilisearch's form: every word maps to the others of its group. */
  synonyms: Record<string, string[]>;
}

/** Reads the admin-extensible dictionary and synonym files once, at start. */
export function loadSearchData(dataDir: string): SearchData {
  const read = <T>(file: string): T => {
    const full = path.join(dataDir, file);
    try {
      return JSON.parse(readFileSync(full, 'utf8')) as T;
    } catch (error) {
      throw new Error(
        `Cannot read search data file ${full}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  };
  const { terms } = read<{ terms: string[] }>('dictionary.json');
  const { groups } = read<{ groups: string[][] }>('synonyms.json');
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group)
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...group.filter((other) => other !== word)])];
  }
  return { dictionary: [...new Set(terms)], synonyms };
}
