/**
 * How well a short description (a focus, research fields) fits a text: the number of its
 * character bigrams found in the text. Separators split the description into phrases.
 */
export function sharedBigrams(description: string, text: string): number {
  const letters = description.replace(/[、与和及等的（）/]/g, ' ');
  let score = 0;
  for (let i = 0; i + 1 < letters.length; i++) {
    const bigram = letters.slice(i, i + 2);
    if (!bigram.includes(' ') && text.includes(bigram)) score++;
  }
  return score;
}
