// Lint enforces the architecture: imports flow downward only
// (app → ops → domains → map → data; ui and i18n are leaves), a domain never imports another
// domain, and there are no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/** One policy: files of type `from` may import elements of the `to` types. */
const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

// src/main.tsx (start-up) is outside these elements: it may wire anything together.
const elements = [
  { type: 'app', pattern: 'src/app/**' },
  { type: 'ops', pattern: 'src/ops/**' },
  { type: 'domain', pattern: 'src/domains/*/**', capture: ['domain'] },
  { type: 'map', pattern: 'src/map/**' },
  { type: 'data', pattern: 'src/data/**' },
  { type: 'ui', pattern: 'src/ui/**' },
  { type: 'i18n', pattern: 'src/i18n/**' },
  { type: 'mocks', pattern: 'mocks/**' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/mockServiceWorker.js', 'fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { maxDepth: Infinity }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Text from data is never HTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*', 'mocks/**/*'],
      'import/resolver': { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('app', ['app', 'ops', 'domain', 'map', 'data', 'ui', 'i18n', 'mocks']),
            allow('ops', ['ops', 'map', 'data', 'ui', 'i18n']),
            allow('domain', ['map', 'data', 'ui', 'i18n']),
            // A domain imports its own folder only, never another domain.
            {
              from: { element: { type: 'domain' } },
              allow: {
                to: { element: { type: 'domain', captured: { domain: '{{ from.element.captured.domain }}' } } },
              },
            },
            allow('map', ['map', 'data', 'ui', 'i18n']),
            allow('data', ['data']),
            allow('ui', ['ui', 'i18n']),
            allow('i18n', ['i18n']),
            allow('mocks', ['mocks', 'data']),
          ],
        },
      ],
    },
  },
);
