import * as OpenCC from 'opencc-js';

// opencc-js's bundled declarations do not resolve under NodeNext; these are the converters used.
type Convert = (text: string) => string;
const { Converter, CustomConverter } = OpenCC as unknown as {
  Converter: (options: { from: 't' | 'twp'; to: 'cn' }) => Convert;
  CustomConverter: (pairs: Array<[string, string]>) => Convert;
};
/** Character by character, traditional to simplified. */
const characters = Converter({ from: 't', to: 'cn' });
/** Taiwan's words to the mainland's (晶片→芯片, 雷射→激光, 軟體→软件), then characters. */
const taiwanPhrases = Converter({ from: 'twp', to: 'cn' });

const HAN = /\p{Script=Han}/u;
const isHan = (token: string) => [...token].every((char) => HAN.test(char));

/**
 * Glues a single Chinese character to its Chinese neighbour across a space ("芯 片" → 芯片): Chinese
 * has no spaces between words, so a lone character beside one is a word typed apart, not a term.
 */
function joinSplitWords(text: string): string {
  const joined: string[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const previous = joined.at(-1);
    if (previous && isHan(previous) && isHan(token) && ([...previous].length === 1 || [...token].length === 1))
      joined[joined.length - 1] = previous + token;
    else joined.push(token);
  }
  return joined.join(' ');
}

/** Turns what users type into the words the index is written in: simplified Chinese, mainland terms. */
export class QueryText {
  private readonly mainland: Convert;

  /** `variants`: regional term → mainland term, from libs/search/data/synonyms.json. */
  constructor(variants: Array<[string, string]>) {
    this.mainland = variants.length > 0 ? CustomConverter(variants) : (text) => text;
  }

  /**
   * Taiwan phrases are converted only when the query is in traditional characters: a simplified
   * query may hold a phrase Taiwan writes alike but means otherwise (医学影像 must not become
   * 医学图像). Variants OpenCC leaves alone (晶片, 雷射, Hong Kong's 镭射) come from the data.
   */
  normalise(q: string): string {
    const text = joinSplitWords(q.trim());
    return this.mainland(characters(text) === text ? text : taiwanPhrases(text));
  }
}
