/**
 * The layering table of DEVELOPERS.md ("Layout") as a lint rule: each folder of src/, workers/,
 * scripts/ and bench/ lists the folders (or single files) and the packages it may import, and
 * `layers/allowed-imports` reports anything else, and any file in no folder of the table.
 * test/unit/lint/layers.test.ts checks that this table and DEVELOPERS.md say the same.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The pure core: runs unchanged in the page, the workers, Node command lines and tests. */
export const PURE_CORE = [
  'src/model',
  'src/allocation',
  'src/redistribution',
  'src/partnerships',
  'src/scenarios',
  'src/indicators',
  'src/solver',
];

/**
 * Folder (or file, for an exception) -> what it may import besides itself. `paths` are folders or
 * files of this repository; `packages` are npm packages (`d3-*`, `node:*` match a family; `*`
 * anything). The longest key that contains a file decides its row.
 */
export const LAYERS = {
  'src/data': { paths: ['data', 'src/allocation/rule-settings.ts'], packages: ['zod'] },
  'src/data/node-reader.ts': { paths: ['src/data', 'data'], packages: ['node:*'] },
  'src/model': { paths: ['src/data'], packages: [] },
  'src/allocation': { paths: ['src/data', 'src/model', 'src/solver'], packages: ['zod'] },
  'src/redistribution': { paths: ['src/data', 'src/solver'], packages: ['zod'] },
  'src/partnerships': { paths: ['src/data', 'src/model'], packages: ['zod'] },
  'src/scenarios': { paths: ['src/data', 'src/model', 'scenarios'], packages: ['mathjs', 'zod'] },
  'src/indicators': {
    paths: ['src/data', 'src/allocation', 'src/redistribution'],
    packages: [],
  },
  'src/solver': { paths: [], packages: ['highs'] },
  'src/storage': {
    paths: ['src/data', 'src/redistribution', 'src/partnerships', 'src/scenarios'],
    packages: ['idb'],
  },
  'src/maps': {
    paths: ['src/data', 'src/charts'],
    packages: ['d3', 'd3-*', 'topojson-client', 'topojson-specification', 'geojson'],
  },
  'src/charts': { paths: [], packages: ['d3-*'] },
  'src/runtime': {
    paths: ['workers', 'src/data', 'src/model', 'src/allocation', 'src/solver', 'src/maps'],
    packages: ['comlink'],
  },
  'src/ui': {
    paths: [
      'src/data',
      ...PURE_CORE,
      'src/storage',
      'src/maps',
      'src/charts',
      'src/runtime',
      'scenarios',
    ],
    packages: ['lit', 'd3'],
  },
  'src/main.ts': { paths: ['src/ui'], packages: ['govuk-frontend'] },
  'src/types': { paths: [], packages: [] },
  'src/cli': { paths: ['src/data', ...PURE_CORE], packages: ['highs', 'node:*'] },
  workers: {
    paths: ['src/data', 'src/maps', ...PURE_CORE],
    packages: ['comlink', 'highs', 'topojson-specification'],
  },
  scripts: {
    paths: ['src/data', 'src/allocation/rule-settings.ts'],
    packages: [
      'node:*',
      'esbuild',
      'eslint',
      'd3-geo',
      'd3-random',
      'topojson-client',
      'topojson-specification',
      'geojson',
    ],
  },
  bench: { paths: ['*'], packages: ['*'] },
};

const LAYER_KEYS = Object.keys(LAYERS).sort((a, b) => b.length - a.length);
const GOVERNED_ROOTS = ['src/', 'workers/', 'scripts/', 'bench/'];

const within = (path, folder) => folder === '*' || path === folder || path.startsWith(`${folder}/`);

function layerOf(path) {
  return LAYER_KEYS.find((key) => within(path, key));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const packageAllowed = (name, pattern) =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

const list = (items) => (items.length === 0 ? 'none' : items.join(', '));

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Each folder imports only what the layering table in DEVELOPERS.md allows.',
    },
    schema: [],
  },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    if (!GOVERNED_ROOTS.some((root) => file.startsWith(root))) return {};
    const layer = layerOf(file);
    if (layer === undefined) {
      return {
        Program(node) {
          context.report({
            node,
            message: `${file} is in no folder of the layering table (DEVELOPERS.md "Layout", scripts/eslint-layers.js): add its folder there.`,
          });
        },
      };
    }
    const rule = LAYERS[layer];

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const bare = specifier.split('?')[0];
      if (bare.startsWith('.')) {
        const target = relative(ROOT, resolve(dirname(context.filename), bare))
          .split('\\')
          .join('/');
        if (within(target, layer) || rule.paths.some((path) => within(target, path))) return;
        context.report({
          node,
          message: `${layer} may not import ${target} (it may import: ${list(rule.paths)}). See the layering table in DEVELOPERS.md.`,
        });
        return;
      }
      const name = packageName(bare);
      if (rule.packages.some((pattern) => packageAllowed(name, pattern))) return;
      context.report({
        node,
        message: `${layer} may not import the package '${name}' (packages it may import: ${list(rule.packages)}). See the layering table in DEVELOPERS.md.`,
      });
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
      // new URL('../../workers/x.worker.ts', import.meta.url): how Vite is told to bundle a worker.
      NewExpression(node) {
        const [url, base] = node.arguments;
        const isUrl = node.callee.type === 'Identifier' && node.callee.name === 'URL';
        const fromModule = base?.type === 'MemberExpression' && base.object.type === 'MetaProperty';
        if (isUrl && fromModule && url?.type === 'Literal') check(url, url.value);
      },
    };
  },
};

export const layersPlugin = { rules: { 'allowed-imports': allowedImports } };
