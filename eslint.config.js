import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { layersPlugin } from './scripts/eslint-layers.js';

// csvParse/tsvParse build row objects with `new Function`, which the app's CSP forbids:
// use parseCsv from src/data/ees.ts (csvParseRows underneath). CSV is written only by
// src/data/csv-writer.ts, which neutralises cells a spreadsheet would run as formulas.
const D3_DSV_FORMATTERS = [
  'csvFormat',
  'csvFormatBody',
  'csvFormatRows',
  'csvFormatRow',
  'csvFormatValue',
  'tsvFormat',
  'tsvFormatBody',
  'tsvFormatRows',
  'tsvFormatRow',
  'tsvFormatValue',
];
const restrictedD3Dsv = {
  name: 'd3-dsv',
  importNames: ['csvParse', 'tsvParse', 'dsvFormat', ...D3_DSV_FORMATTERS],
  message:
    'Read CSV with parseCsv (src/data/ees.ts): csvParse uses new Function, which the CSP forbids. ' +
    'Write CSV with formatCsvRows/formatCsvRecords (src/data/csv-writer.ts): it escapes formulas.',
};
const restrictedCsvImports = [restrictedD3Dsv, { ...restrictedD3Dsv, name: 'd3' }];

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'public/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: restrictedCsvImports }],
      // The same formatters reached through a namespace (`d3.csvFormat(...)`).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(csv|tsv|dsv)Format/]',
          message:
            'Write CSV with src/data/csv-writer.ts: it escapes cells a spreadsheet would run.',
        },
      ],
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
    // The layering table of DEVELOPERS.md: what each folder may import (scripts/eslint-layers.js).
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': 'error' },
  },
);
