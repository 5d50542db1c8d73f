// Transpiles apps/ and libs/ (or the folders given as arguments, e.g. `bench`) to dist/ with swc
// (type-checking is `npm run lint`'s job). The image build has only apps/ and libs/.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transformFile } from '@swc/core';
import { swcOptions } from './swc-options.mjs';

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['apps', 'libs'];
const outDir = 'dist';
const options = swcOptions('commonjs');

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      yield full;
  }
}

const started = Date.now();
let count = 0;
for (const root of roots) {
  for await (const file of sources(root)) {
    const target = path.join(outDir, file.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, {
      ...options,
      filename: file,
      sourceFileName: path.relative(path.dirname(target), file),
    });
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count += 1;
  }
}
console.log(`built ${count} files into ${outDir}/ in ${Date.now() - started} ms`);
