import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// csvParse/tsvParse build row objects with `new Function`, which the app's CSP forbids:
// use parseCsv from src/data/ees.ts (csvParseRows underneath).
const noEvalCsvParsing = {
  name: 'd3-dsv',
  importNames: ['csvParse', 'tsvParse', 'dsvFormat'],
  message: 'Use parseCsv from src/data/ees.ts: csvParse uses new Function, which the CSP forbids.',
};
const noEvalCsvParsingFromD3 = { ...noEvalCsvParsing, name: 'd3' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noEvalCsvParsing, noEvalCsvParsingFromD3] }],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use a seeded generator (d3-random randomLcg).',
        },
      ],
    },
  },
  {
    // The pure core runs in Node, workers and tests: no DOM, UI or worker libraries.
    files: [
      'src/model/**',
      'src/allocation/**',
      'src/redistribution/**',
      'src/partnerships/**',
      'src/indicators/**',
      'src/solver/**',
      'src/scenarios/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noEvalCsvParsing, noEvalCsvParsingFromD3],
          patterns: [
            {
              group: [
                'lit',
                'lit/*',
                '@lit/*',
                'comlink',
                'd3-selection',
                '../ui/*',
                '../../workers/*',
              ],
              message: 'The pure core must not import UI or worker code.',
            },
          ],
        },
      ],
    },
  },
);
