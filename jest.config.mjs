// Jest runs the ESM builds of Nest 12 through Node's VM modules (see STACK.md): swc transpiles
// TypeScript to ES modules and the @jiebang/* aliases map to each lib's index.ts.
import { aliasPaths, swcOptions } from './scripts/swc-options.mjs';

const moduleNameMapper = Object.fromEntries(
  Object.entries(aliasPaths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}/index.ts`]),
);

const common = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions('es6')] },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
export default {
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
    // The web app in Debian's Chromium (playwright-core) against a real marketplace.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser.ts'] },
  ],
};
