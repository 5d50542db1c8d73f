// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DOMAIN_LIBS = ['identity', 'demand', 'search', 'matching', 'notifications'];
/** Composition libs may use domain libs' public APIs; nothing below them may use composition. */
const COMPOSITION_LIBS = ['demo'];

/** Nothing imports past a lib's index.ts, nor reaches another lib or app by a relative path. */
const everywhere = [
  { group: ['@jiebang/*/*'], message: "Import a lib through its index.ts ('@jiebang/<lib>') only." },
  {
    group: ['**/libs/**', '**/apps/**', '**/dist/**', '../**/src', '../**/src/**'],
    message: 'Reach other libs through their @jiebang/* alias; apps are never imported.',
  },
];

const restrict = (...extra) => ['error', { patterns: [...everywhere, ...extra] }];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'test/artifacts/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'test/harness/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      'no-console': ['error', { allow: ['error'] }],
      'no-restricted-imports': restrict(),
    },
  },
  {
    // Nest resolves constructor parameters from their runtime types: a type-only import of an
    // injected class would erase it, so the rule that forces type imports cannot apply here.
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['@jiebang/*', '!@jiebang/contracts'],
        message: 'contracts holds types and enums only; it depends on nothing of ours.',
      }),
    },
  },
  {
    files: ['libs/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: [...DOMAIN_LIBS, ...COMPOSITION_LIBS].map((lib) => `@jiebang/${lib}`),
        message: 'platform holds no domain code and depends on no domain lib.',
      }),
    },
  },
  ...DOMAIN_LIBS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': restrict({
        group: [...DOMAIN_LIBS, ...COMPOSITION_LIBS].map((other) => `@jiebang/${other}`),
        message: 'A domain lib talks to other contexts through events or HTTP contracts, never by import.',
      }),
    },
  })),
  {
    // Data access lives in repositories: raw SQL (fine for aggregates and locks), query builders
    // and the EntityManager's entity operations are written in `*.repository.ts` files only.
    files: DOMAIN_LIBS.map((lib) => `libs/${lib}/src/**/*.ts`),
    ignores: ['**/*.repository.ts', '**/migrations/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name='query'][callee.object.name=/^(manager|dataSource)$/]",
          "CallExpression[callee.property.name='query'][callee.object.property.name=/^(manager|dataSource)$/]",
          "CallExpression[callee.property.name=/^(insert|update|upsert|save|delete|find|findOne|findBy|findOneBy|count|getRepository)$/][callee.object.name='manager']",
          "CallExpression[callee.property.name='createQueryBuilder']",
        ].map((selector) => ({ selector, message: 'Data access belongs in a *.repository.ts file.' })),
      ],
    },
  },
  {
    files: ['apps/*/src/cli.ts', 'scripts/**', 'test/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // supertest bodies are `any`: assertions on them are the point of a test.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests compose services exactly as the apps do, so they may import an app's composition.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            everywhere[0],
            { group: ['**/libs/**', '**/dist/**'], message: 'Reach libs through their @jiebang/* alias.' },
            {
              group: ['**/apps/*/src/main', '**/apps/*/src/cli'],
              message: 'Import an app composition, not its entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    // Jest loads global setup outside its module system, where aliases do not resolve.
    files: ['test/harness/global-setup.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The web app runs in the browser and talks to the server over HTTP only: of our libs it may
    // use contracts (vocabularies and their labels), nothing with server code.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'error',
      'no-restricted-imports': restrict({
        group: ['@jiebang/*', '!@jiebang/contracts'],
        message: 'The web app reaches the server through /api/v1 only; it may import @jiebang/contracts.',
      }),
    },
  },
  { files: ['**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  prettier,
);
