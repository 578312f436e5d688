// ESLint flat config (https://typescript-eslint.io/getting-started/typed-linting): type-aware
// rules that catch what review misses. Runs as a step of `npm test` (`npm run lint`).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'tests/.results/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits fails silently (a lost storage write, an unhandled rejection in
      // the worker). `void p` states that dropping it is deliberate.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Type-only imports are erased: the content-script bundle never pulls a module for a type.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Control characters in a regex are a bug unless the comment beside it says why.
      'no-control-regex': 'error',
    },
  },
  {
    // Classic-JSX files (`/** @jsx h */`, see components/Verdict.tsx) use `h` and `Fragment`
    // through the pragma, which the rule cannot see.
    files: ['components/**/*.tsx', 'entrypoints/overlay.content/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|h$|Fragment$)', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright's page.evaluate callbacks reach test hooks the fake pages put on `window`.
    files: ['tests/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
