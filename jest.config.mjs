// Jest runs the ESM builds of Nest 12 through Node's VM modules (README, "Tests"): swc transpiles
// TypeScript to ES modules and the @jiebang/* aliases map to each lib's index.ts.
import { aliasPaths, swcOptions } from './scripts/swc-options.mjs';

const moduleNameMapper = {
  ...Object.fromEntries(
    Object.entries(aliasPaths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}/index.ts`]),
  ),
  // An ES module required from CommonJS, which Jest cannot load on Node 20: see the file.
  '^content-disposition$': '<rootDir>/test/harness/content-disposition.cjs',
};

const common = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions('es6')] },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
};

// The build and the throw-away servers, for the projects that use them; Jest runs the same module
// once however many of those projects a run selects, and not at all for unit tests alone.
const servers = {
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
};

/** @type {import('jest').Config} */
export default {
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
    },
    { ...common, ...servers, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, ...servers, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
    // The web app in Debian's Chromium (playwright-core) against a real marketplace.
    { ...common, ...servers, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser.ts'] },
  ],
};
