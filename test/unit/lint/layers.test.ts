/**
 * The layering rule (scripts/eslint-layers.js) run through ESLint's Node API on small fixture
 * files placed, by their path, in the folders of the table: a bad import fails the lint, an
 * allowed one passes. And the rule's table is the one DEVELOPERS.md prints.
 */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, PURE_CORE, type Layer } from '../../../scripts/eslint-layers.js';

const eslint = new ESLint();

/** Lints `code` as though it were the file at `path` (the file need not exist). */
async function lint(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((message) => ({ rule: message.ruleId, text: message.message }));
}

describe('the layering lint rule', () => {
  it('fails a pure-core file that imports Lit or the UI, naming what the folder may import', async () => {
    const messages = await lint(
      'src/model/fixture-bad.ts',
      [
        "import { html } from 'lit';",
        "import { formatCount } from '../ui/format.ts';",
        'export const used = [html, formatCount];',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([
      {
        rule: 'layers/allowed-imports',
        text: "src/model may not import the package 'lit' (packages it may import: none). See the layering table in DEVELOPERS.md.",
      },
      {
        rule: 'layers/allowed-imports',
        text: 'src/model may not import src/ui/format.ts (it may import: src/data). See the layering table in DEVELOPERS.md.',
      },
    ]);
  });

  it('passes a pure-core file that imports only what its row allows', async () => {
    const messages = await lint(
      'src/model/fixture-good.ts',
      [
        "import { academicYear } from '../data/academic-year.ts';",
        "import { simulate } from './simulate.ts';",
        'export const used = [academicYear, simulate];',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('keeps workers off the main-thread clients, and the UI off IndexedDB and worker files', async () => {
    const worker = await lint(
      'workers/fixture.worker.ts',
      "import { ModelPool } from '../src/runtime/model-pool.ts';\nexport const used = ModelPool;\n",
    );
    expect(worker.map((message) => message.text)).toEqual([
      expect.stringMatching(/^workers may not import src\/runtime\/model-pool\.ts/),
    ]);
    const ui = await lint(
      'src/ui/fixture.ts',
      [
        "import { openDB } from 'idb';",
        "export const url = new URL('../../workers/model.worker.ts', import.meta.url);",
        'export const used = openDB;',
        '',
      ].join('\n'),
    );
    expect(ui.map((message) => message.text)).toEqual([
      expect.stringMatching(/^src\/ui may not import the package 'idb'/),
      expect.stringMatching(/^src\/ui may not import workers\/model\.worker\.ts/),
    ]);
  });

  it('fails a file in a folder the table does not list', async () => {
    const messages = await lint('src/unlisted/fixture.ts', 'export const one = 1;\n');
    expect(messages.map((message) => message.text)).toEqual([
      expect.stringMatching(/^src\/unlisted\/fixture\.ts is in no folder of the layering table/),
    ]);
  });
});

/** The "Layout" table of DEVELOPERS.md, read the way the rule's table is written. */
function documentedLayers(): Record<string, Layer> {
  const text = readFileSync(new URL('../../../DEVELOPERS.md', import.meta.url), 'utf8');
  const layout = text.slice(
    text.indexOf('## Layout'),
    text.indexOf('\n## ', text.indexOf('## Layout') + 1),
  );
  const layers: Record<string, Layer> = {};
  for (const line of layout.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const allowed = cells[3] ?? '';
    const entries = [...allowed.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const layer: Layer = {
      paths: entries.filter((entry) => entry.endsWith('/') || entry.endsWith('.ts')),
      packages: entries.filter((entry) => !entry.endsWith('/') && !entry.endsWith('.ts')),
    };
    if (allowed.includes('the pure core')) layer.paths.push(...PURE_CORE);
    if (allowed === 'anything') {
      layer.paths.push('*');
      layer.packages.push('*');
    }
    layers[folder.replace(/\/$/, '')] = {
      paths: layer.paths.map((path) => path.replace(/\/$/, '')),
      packages: layer.packages,
    };
  }
  return layers;
}

describe('DEVELOPERS.md and the rule', () => {
  it('print the same table: every folder the rule knows, with the same imports', () => {
    const documented = documentedLayers();
    const sorted = (layer: Layer | undefined) =>
      layer && { paths: [...layer.paths].sort(), packages: [...layer.packages].sort() };
    for (const [folder, layer] of Object.entries(LAYERS)) {
      expect(sorted(documented[folder]), folder).toEqual(sorted(layer));
    }
    const governed = Object.keys(documented).filter((folder) =>
      /^(src|workers|scripts|bench)(\/|$)/.test(folder),
    );
    expect(governed.sort()).toEqual(Object.keys(LAYERS).sort());
  });
});
