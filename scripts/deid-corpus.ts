/**
 * Checks the labelled de-identification corpus parses, and prints what it holds:
 *   npx tsx scripts/deid-corpus.ts [file-name-filter]
 */
import { CorpusError, loadCorpus, ORIGINS, wordCount } from '../test/support/deid-corpus';

const filter = process.argv[2];
try {
  const passages = loadCorpus((f) => !filter || f.includes(filter));
  const count = (key: string, map: Map<string, number>) => map.set(key, (map.get(key) ?? 0) + 1);
  const kinds = new Map<string, number>();
  const origins = new Map<string, number>();
  const countries = new Map<string, number>();
  const genres = new Map<string, number>();
  let words = 0;
  let clean = 0;
  for (const p of passages) {
    words += wordCount(p.text);
    count(p.country, countries);
    count(p.genre, genres);
    if (!p.labels.length) clean += 1;
    for (const l of p.labels) {
      count(l.kind + (l.kind === 'name' || !l.detail ? '' : `:${l.detail}`), kinds);
      if (l.kind === 'name') count(l.detail!, origins);
    }
  }
  const show = (title: string, map: Map<string, number>) =>
    console.log(
      `${title}: ${[...map]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  console.log(`${passages.length} passages, ${words} words, ${clean} with no identifiers`);
  show('countries', countries);
  show('genres', genres);
  show('kinds', kinds);
  show('name origins', origins);
  const missing = ORIGINS.filter((o) => !origins.has(o));
  if (missing.length) console.log(`no names yet of origin: ${missing.join(', ')}`);
} catch (error) {
  if (error instanceof CorpusError) {
    console.error(`The corpus does not parse: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
