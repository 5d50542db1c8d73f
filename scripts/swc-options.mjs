// One swc configuration for the build and for Jest, with path aliases read from tsconfig.json
// so they are declared once.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const tsconfig = JSON.parse(readFileSync(path.join(process.cwd(), 'tsconfig.json'), 'utf8'));

export const aliasPaths = tsconfig.compilerOptions.paths;

/** @param {'commonjs' | 'es6'} moduleType */
export function swcOptions(moduleType) {
  return {
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      ...(moduleType === 'commonjs' ? { baseUrl: process.cwd(), paths: aliasPaths } : {}),
    },
    module: { type: moduleType, strictMode: true },
  };
}
