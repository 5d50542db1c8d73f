import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SearchData {
  dictionary: string[];
  /** Meilisearch's form: every word maps to the words it also finds. */
  synonyms: Record<string, string[]>;
  /** Regional variant → the mainland term, rewritten in the query before searching. */
  variants: Array<[variant: string, mainland: string]>;
}

/** synonyms.json: two-way groups by purpose, regional variants, and English terms that find Chinese ones. */
interface SynonymFile {
  groups: string[][];
  nearSynonyms?: string[][];
  variants?: string[][];
  english?: Array<{ en: string[]; zh: string[] }>;
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
  const file = read<SynonymFile>('synonyms.json');
  const synonyms: Record<string, string[]> = {};
  const add = (word: string, others: string[]) => {
    const found = others.filter((other) => other !== word);
    if (found.length > 0) synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...found])];
  };
  for (const group of [...file.groups, ...(file.nearSynonyms ?? [])]) for (const word of group) add(word, group);
  // One-way: an English word finds the Chinese text; a Chinese query is not widened to English. The
  // dictionary's compounds are indexed whole (锂离子电池), so 电池 would miss them: they are added.
  const dictionary = [...new Set(terms)];
  for (const { en, zh } of file.english ?? []) {
    const compounds = dictionary.filter((term) => zh.some((word) => term !== word && term.includes(word)));
    for (const word of en) add(word.toLowerCase(), [...zh, ...compounds, ...en]);
  }
  const variants = (file.variants ?? []).flatMap(([mainland, ...others]) =>
    others.map((variant): [string, string] => [variant, mainland]),
  );
  return { dictionary, synonyms, variants };
}
