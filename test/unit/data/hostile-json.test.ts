/**
 * A corpus of malformed and hostile JSON inputs: scenario files (Scenarios page upload and
 * `--scenario`), shared links and `allocate --problem` files. Each case starts from an input
 * that is accepted, breaks one thing, and checks the one sentence a user reads (which input,
 * where, and why) and that nothing was returned to use. Ledger files pass the same guard and
 * have their own forgery corpus (test/unit/redistribution/ledger-file.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli.ts';
import { buildProblem, parseAllocateArgs } from '../../../src/cli/allocate.ts';
import type { FileContent } from '../../../src/data/utf8.ts';
import { describeIssues, parseScenarioText } from '../../../src/scenarios/load.ts';
import { decodePermalink, describePermalinkIssues } from '../../../src/scenarios/permalink.ts';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-reader.ts';

const ROOT = join(DEFAULT_DATA_DIR, '..');

/** What an input made of a text: the first sentence shown, or null when it was accepted. */
type Reader = (content: FileContent) => Promise<string | null>;

interface Kind {
  name: string;
  /** An accepted input, as a value. */
  valid: () => Record<string, unknown>;
  /** Where a number lives in it, and what a text there should have been. */
  number: readonly (string | number)[];
  /** The largest input accepted, in bytes. */
  maxBytes: number;
  read: Reader;
}

const scenarioValue = () => ({
  schemaVersion: 2,
  name: 'Two-year induction',
  description: 'Two years of induction for every early career teacher.',
  levers: { inductionYears: 2 },
});

let folder: string | undefined;

/** Runs allocate's own --problem reading on the text, as the CLI does before solving. */
async function readProblem(content: FileContent): Promise<string | null> {
  folder ??= mkdtempSync(join(tmpdir(), 'tsp-hostile-json-'));
  const path = join(folder, 'problem.json');
  writeFileSync(path, content);
  try {
    await buildProblem(parseAllocateArgs(['--problem', path]));
    return null;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return error.message.split('\n')[0]!.replaceAll(path, 'problem.json');
  }
}

const KINDS: Kind[] = [
  {
    name: 'scenario file',
    valid: scenarioValue,
    number: ['levers', 'inductionYears'],
    maxBytes: 1024 * 1024,
    read: async (content) => {
      const loaded = await parseScenarioText(content);
      return loaded.ok ? null : describeIssues(loaded.issues, 'scenario.json')[0]!;
    },
  },
  {
    name: 'shared link',
    // A link carries no description.
    valid: () => {
      const payload: Record<string, unknown> = scenarioValue();
      delete payload.description;
      return payload;
    },
    number: ['levers', 'inductionYears'],
    maxBytes: 8 * 1024,
    read: async (content) => {
      const decoded = await decodePermalink(Buffer.from(content).toString('base64url'));
      return decoded.ok ? null : describePermalinkIssues(decoded.issues)[0]!;
    },
  },
  {
    name: 'allocate --problem file',
    valid: () =>
      JSON.parse(readFileSync(join(ROOT, 'test/fixtures/data/allocation-problem.json'), 'utf8')),
    number: ['districts', 0, 'coldSpotWeight'],
    maxBytes: 50 * 1024 * 1024,
    read: readProblem,
  },
];

/** The value with the thing at `path` replaced. */
function withValue(
  value: Record<string, unknown>,
  path: readonly (string | number)[],
  to: unknown,
) {
  const copy = structuredClone(value);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = to;
  return copy;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

type Breaker = (kind: Kind) => FileContent;

const CLASSES: Record<string, Breaker> = {
  'invalid UTF-8': (kind) => {
    const bytes = new TextEncoder().encode(pretty(withValue(kind.valid(), ['name'], 'MARK')));
    const text = new TextDecoder().decode(bytes);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('MARK'))).length;
    return new Uint8Array([...bytes.slice(0, at), 0xa3, ...bytes.slice(at + 4)]);
  },
  empty: () => '',
  'cut short': (kind) => pretty(kind.valid()).slice(0, 40),
  'trailing comma': (kind) => pretty(kind.valid()).replace(/\n}$/, ',\n}'),
  'NaN literal': (kind) => pretty(withValue(kind.valid(), kind.number, 0)).replace(': 0', ': NaN'),
  'a 100,000-deep array': (kind) =>
    pretty(withValue(kind.valid(), ['name'], 0)).replace(
      '"name": 0',
      `"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ),
  'null at the top': () => 'null',
  'a list at the top': () => '[]',
  'an empty object': () => '{}',
  '1e300 for a number': (kind) => pretty(withValue(kind.valid(), kind.number, 1e300)),
  'a negative number': (kind) => pretty(withValue(kind.valid(), kind.number, -5)),
  'text for a number': (kind) => pretty(withValue(kind.valid(), kind.number, '2')),
  'an unknown field': (kind) => pretty({ ...kind.valid(), extra: "=cmd|' /C calc'!A0" }),
};

const EXPECTED: Record<string, Record<string, string>> = {
  'scenario file': {
    '1e300 for a number':
      'scenario.json: levers.inductionYears: must be a whole number from 0 to 2 (got 1e+300)',
    'NaN literal':
      'scenario.json: is not valid JSON (line 6, column 23: NaN is not a JSON value; write text in double quotes, numbers in digits, or true, false or null)',
    'a 100,000-deep array':
      'scenario.json: nests lists or objects more than 64 levels deep (line 3); a scenario file is never that deep',
    'a list at the top': 'scenario.json: must be a JSON object',
    'a negative number':
      'scenario.json: levers.inductionYears: must be a whole number from 0 to 2 (got -5)',
    'an empty object':
      'scenario.json: schemaVersion: is missing: say which schema version the file follows (1 or 2)',
    'an unknown field': 'scenario.json: extra: is not a field of this schema version',
    'cut short':
      'scenario.json: is not valid JSON (line 3, column 17: the text ends before the JSON is complete: the file is cut short)',
    empty: 'scenario.json: is empty',
    'invalid UTF-8': 'scenario.json: is not UTF-8 text (line 3)',
    'null at the top': 'scenario.json: must be a JSON object',
    'over the size limit': 'scenario.json: is larger than 1 MB, the limit for a scenario file',
    'text for a number': 'scenario.json: levers.inductionYears: must be a number (got "2")',
    'trailing comma':
      'scenario.json: is not valid JSON (line 8, column 1: a comma is followed by “}”; remove the last comma)',
  },
  'shared link': {
    '1e300 for a number':
      'Shared link: levers.inductionYears: must be a whole number from 0 to 2 (got 1e+300)',
    'NaN literal':
      'Shared link: the link is damaged and cannot be read (it is not valid JSON (line 5, column 23: NaN is not a JSON value; write text in double quotes, numbers in digits, or true, false or null))',
    'a 100,000-deep array': 'Shared link: the link is too long to be one this service made',
    'a list at the top':
      'Shared link: the link is damaged and cannot be read (it does not hold a scenario)',
    'a negative number':
      'Shared link: levers.inductionYears: must be a whole number from 0 to 2 (got -5)',
    'an empty object': 'Shared link: schemaVersion: must be 2 (got undefined)',
    'an unknown field': 'Shared link: extra: is not a field of this schema version',
    'cut short':
      'Shared link: the link is damaged and cannot be read (it is not valid JSON (line 3, column 17: the text ends before the JSON is complete: the file is cut short))',
    empty: 'Shared link: the link is damaged and cannot be read (it is empty)',
    'invalid UTF-8': 'Shared link: the link is damaged and cannot be read (it is not UTF-8 text)',
    'null at the top':
      'Shared link: the link is damaged and cannot be read (it does not hold a scenario)',
    'over the size limit': 'Shared link: the link is too long to be one this service made',
    'text for a number': 'Shared link: levers.inductionYears: must be a number (got "2")',
    'trailing comma':
      'Shared link: the link is damaged and cannot be read (it is not valid JSON (line 7, column 1: a comma is followed by “}”; remove the last comma))',
  },
  'allocate --problem file': {
    '1e300 for a number': 'problem.json: districts[0].coldSpotWeight: must be at most 10000',
    'NaN literal':
      '--problem: problem.json is not valid JSON (line 11, column 25: NaN is not a JSON value; write text in double quotes, numbers in digits, or true, false or null)',
    'a 100,000-deep array':
      '--problem: problem.json nests lists or objects more than 64 levels deep (line 133); a problem file is never that deep',
    'a list at the top':
      '--problem: problem.json does not hold an allocation problem (a JSON object)',
    'a negative number': 'problem.json: districts[0].coldSpotWeight: must be 0 or more',
    'an empty object': 'problem.json: regionName: must be text',
    'an unknown field':
      'problem.json: (the whole file): "extra" is not a field of an allocation problem',
    'cut short':
      '--problem: problem.json is not valid JSON (line 3, column 8: the text ends before the JSON is complete: the file is cut short)',
    empty: '--problem: problem.json is empty',
    'invalid UTF-8': '--problem: problem.json is not UTF-8 text (line 133)',
    'null at the top':
      '--problem: problem.json does not hold an allocation problem (a JSON object)',
    'over the size limit':
      '--problem: problem.json is larger than 50 MB, the limit for a problem file',
    'text for a number': 'problem.json: districts[0].coldSpotWeight: must be a number',
    'trailing comma':
      '--problem: problem.json is not valid JSON (line 133, column 1: a comma is followed by “}”; remove the last comma)',
  },
};

describe('hostile JSON inputs are refused with where and why, and nothing is used', () => {
  it('every kind accepts its starting input, also with a byte-order mark', async () => {
    for (const kind of KINDS) {
      const text = pretty(kind.valid());
      expect(await kind.read(text), kind.name).toBeNull();
      expect(await kind.read(new TextEncoder().encode(`\uFEFF${text}`)), kind.name).toBeNull();
    }
  });

  for (const kind of KINDS) {
    it(`${kind.name}: over the size limit`, async () => {
      const text = pretty(kind.valid());
      const sentence = await kind.read(`${text}${' '.repeat(kind.maxBytes - text.length + 1)}`);
      expect(sentence).toBe(EXPECTED[kind.name]?.['over the size limit']);
    });
    for (const [problem, breaker] of Object.entries(CLASSES)) {
      it(`${kind.name}: ${problem}`, async () => {
        const sentence = await kind.read(breaker(kind));
        // A refused input returns nothing to use: the sentence is the whole result.
        expect(sentence).not.toBeNull();
        expect(sentence).toBe(EXPECTED[kind.name]?.[problem]);
      });
    }
  }
});
