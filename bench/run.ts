import 'reflect-metadata';
import { demandBench } from './demand.bench';
import { bidBench, funnelBench, matchingBench } from './matching.bench';
import { searchBench } from './search.bench';
import { webBench } from './web.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  demand: demandBench,
  search: searchBench,
  'search:demo': () => searchBench({ demoOnly: true }),
  matching: matchingBench,
  'matching:bids': bidBench,
  'matching:funnel': funnelBench,
  web: webBench,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !BENCHES[name]);
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [...]`);
  }
  for (const name of names) await BENCHES[name]();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
