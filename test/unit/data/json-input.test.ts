import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, isTooDeep, parseJsonInput } from '../../../src/data/json-input.ts';
import { jsonSyntaxError } from '../../../src/data/json-syntax.ts';
import {
  decodePermalink,
  describeIssues,
  loadScenario,
  parseScenarioText,
} from '../../../src/scenarios/index.ts';
import { runCommand, STACK_LINE } from '../cli/run-command.ts';

const LIMITS = { maxBytes: 1000, what: 'test file' };

/** A scenario whose name is an array nested `depth` deep (the hostile file of issue 16). */
function deepScenarioText(depth: number): string {
  return `{"schemaVersion":2,"name":\n${'['.repeat(depth)}${']'.repeat(depth)},"description":"","levers":{}}`;
}

/** The same as a value, built without recursion. */
function deepArray(depth: number): unknown[] {
  const root: unknown[] = [];
  let current = root;
  for (let i = 1; i < depth; i += 1) {
    const next: unknown[] = [];
    current.push(next);
    current = next;
  }
  return root;
}

describe('the JSON input guard', () => {
  it('parses JSON within its limits', () => {
    expect(parseJsonInput('\uFEFF{"a": [1, {"b": "[[[["}]}', LIMITS)).toEqual({
      ok: true,
      value: { a: [1, { b: '[[[[' }] },
    });
  });

  it('refuses a text over the byte limit, counting UTF-8 bytes', () => {
    // 400 characters but 1,200 bytes.
    const text = JSON.stringify('€'.repeat(400));
    expect(text.length).toBeLessThan(LIMITS.maxBytes);
    expect(parseJsonInput(text, LIMITS)).toEqual({
      ok: false,
      reason: 'is larger than 1 KB, the limit for a test file',
      line: null,
    });
  });

  it('refuses nesting deeper than the limit before parsing, at the line where it happens', () => {
    const text = deepScenarioText(100_000);
    const result = parseJsonInput(text, { maxBytes: 1024 * 1024, what: 'scenario file' });
    expect(result).toEqual({
      ok: false,
      reason: `nests lists or objects more than ${MAX_JSON_DEPTH} levels deep (line 2); a scenario file is never that deep`,
      line: 2,
    });
    // Exactly at the limit is fine (the object around the name is one level).
    const atLimit = deepScenarioText(MAX_JSON_DEPTH - 1);
    expect(parseJsonInput(atLimit, { maxBytes: 1e6, what: 'x' }).ok).toBe(true);
    expect(parseJsonInput(deepScenarioText(MAX_JSON_DEPTH), { maxBytes: 1e6, what: 'x' }).ok).toBe(
      false,
    );
    // Brackets and escaped quotes inside strings are text, not nesting.
    const inString = JSON.stringify({ a: `\\"${'['.repeat(500)}` });
    expect(parseJsonInput(inString, LIMITS).ok).toBe(true);
  });

  it('says where the JSON is broken, by line and column', () => {
    expect(parseJsonInput('{\n  "a": 1,\n}', LIMITS)).toEqual({
      ok: false,
      reason:
        'is not valid JSON (line 3, column 1: a comma is followed by “}”; remove the last comma)',
      line: 3,
    });
    expect(parseJsonInput('  \n', LIMITS)).toEqual({ ok: false, reason: 'is empty', line: null });
    expect(parseJsonInput('[1,\n 2', LIMITS)).toEqual({
      ok: false,
      reason:
        'is not valid JSON (line 2, column 3: the text ends before the JSON is complete: the file is cut short)',
      line: 2,
    });
  });

  // Each case: the text, then the line, column and words the refusal gives. The words come
  // from our own reading of the grammar, so every browser and Node say the same thing.
  const SYNTAX: [string, string, number, number, string][] = [
    [
      'trailing comma in a list',
      '[1,\n 2,\n]',
      3,
      1,
      'a comma is followed by “]”; remove the last comma',
    ],
    [
      'field name without quotes',
      '{\n  draws: 10\n}',
      2,
      3,
      'a field name is not in double quotes; put each field name in double quotes (")',
    ],
    [
      'field name in single quotes',
      "{'draws': 10}",
      1,
      2,
      'a field name is in single quotes; put it in double quotes (")',
    ],
    [
      'text in single quotes',
      '{"name": \'Base\'}',
      1,
      10,
      'text is in single quotes; put it in double quotes (")',
    ],
    [
      'missing comma between fields',
      '{\n  "a": 1\n  "b": 2\n}',
      3,
      3,
      'a comma is missing between two fields, or a “}” is missing',
    ],
    [
      'missing comma in a list',
      '[1 2]',
      1,
      4,
      'a comma is missing between two items of a list, or a “]” is missing',
    ],
    ['missing colon', '{"a" 1}', 1, 6, 'a colon (:) is missing after the field name'],
    [
      'Infinity',
      '{"a": Infinity}',
      1,
      7,
      'Infinity is not a JSON value; write text in double quotes, numbers in digits, or true, false or null',
    ],
    [
      'leading zero',
      '{"a": 012}',
      1,
      7,
      'a number is not written as JSON asks; write it in digits with a point for decimals, like 0.5 or 12',
    ],
    [
      'decimal comma',
      '{"a": 0,5}',
      1,
      9,
      'a field name is not in double quotes; put each field name in double quotes (")',
    ],
    [
      'line break inside quoted text',
      '{"a": "two\nlines"}',
      1,
      11,
      'a line break is inside quoted text; write it as \\n or \\t, or close the quote',
    ],
    [
      'bad escape',
      '{"a": "C:\\temp\\x"}',
      1,
      15,
      '“\\x” is not a JSON escape; write a backslash as \\\\',
    ],
    [
      'two documents',
      '{"a": 1}\n{"b": 2}',
      2,
      1,
      'there is more after the end of the JSON (“{”); remove it, or put the items in one list or object',
    ],
    [
      'a comment',
      '{"a": 1 // one\n}',
      1,
      9,
      'a comma is missing between two fields, or a “}” is missing',
    ],
    [
      'cut short inside text',
      '{"name": "Bas',
      1,
      14,
      'the text ends before the JSON is complete: the file is cut short',
    ],
  ];

  it.each(SYNTAX)('says where and why JSON is broken: %s', (_, text, line, column, words) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(parseJsonInput(text, LIMITS)).toEqual({
      ok: false,
      reason: `is not valid JSON (line ${line}, column ${column}: ${words})`,
      line,
    });
  });

  it('agrees with JSON.parse on which texts are JSON, over 2,000 damaged copies of a scenario', () => {
    const text = readFileSync('scenarios/baseline.json', 'utf8');
    const inserts = ['{', '}', '[', ']', ',', ':', '"', "'", '\\', '\n', '0', '-', 'e', '.', 'x'];
    let state = 12345;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let i = 0; i < 2000; i += 1) {
      const at = next(text.length);
      const damaged =
        next(2) === 0
          ? text.slice(0, at) + text.slice(at + 1)
          : text.slice(0, at) + inserts[next(inserts.length)]! + text.slice(at);
      let parses = true;
      try {
        JSON.parse(damaged);
      } catch {
        parses = false;
      }
      expect(jsonSyntaxError(damaged) === null, damaged.slice(Math.max(0, at - 20), at + 20)).toBe(
        parses,
      );
    }
  });

  it('refuses a field given twice in one object, which JSON.parse would take the last of', () => {
    expect(parseJsonInput('{\n  "draws": 10,\n  "seed": 1,\n  "draws": 1e6\n}', LIMITS)).toEqual({
      ok: false,
      reason: 'gives "draws" twice in one object (line 4); give each field once',
      line: 4,
    });
    // An escaped spelling is the same key.
    expect(parseJsonInput('{"a": 1, "\\u0061": 2}', LIMITS).ok).toBe(false);
    // The same key in two objects, a key-like string value and a repeated array item are fine.
    expect(
      parseJsonInput('[{"a": 1, "b": {"a": 2}}, {"a": "a:"}, "a", "a", {"k": ["x", "x"]}]', LIMITS),
    ).toEqual({
      ok: true,
      value: [{ a: 1, b: { a: 2 } }, { a: 'a:' }, 'a', 'a', { k: ['x', 'x'] }],
    });
    // A key after a closed inner object is checked against its own object's keys.
    expect(parseJsonInput('{"a": {"b": 1}, "b": 2, "a": 3}', LIMITS).ok).toBe(false);
  });

  it('refuses a number too large for a double, which JSON.parse would read as Infinity', () => {
    expect(parseJsonInput('{\n  "draws": 10,\n  "rate": -2e400\n}', LIMITS)).toEqual({
      ok: false,
      reason:
        'holds the number -2e400 (line 3), too large to be a number this tool reads; write numbers in digits, like 12 or 0.5',
      line: 3,
    });
    // Large but finite numbers, tiny ones and number-like text in strings are read as written.
    expect(
      parseJsonInput('{"big": 1.7e308, "tiny": 1e-400, "text": "9e999", "k\\"9e999": 0}', LIMITS),
    ).toEqual({ ok: true, value: { big: 1.7e308, tiny: 0, text: '9e999', 'k"9e999': 0 } });
  });

  it('checks the depth of a value that did not come from text, without recursion', () => {
    expect(isTooDeep(deepArray(100_000))).toBe(true);
    expect(isTooDeep(deepArray(MAX_JSON_DEPTH))).toBe(false);
    expect(isTooDeep(deepArray(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(isTooDeep({ a: 1, b: 'text', c: null })).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isTooDeep(cyclic)).toBe(false);
  });
});

describe('inputs read through the guard', () => {
  const nesting = `nests lists or objects more than ${MAX_JSON_DEPTH} levels deep`;

  it('refuses a scenario file whose name is a 100,000-deep array', async () => {
    const loaded = await parseScenarioText(deepScenarioText(100_000));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(describeIssues(loaded.issues, 'deep.json')).toEqual([
        `deep.json: ${nesting} (line 2); a scenario file is never that deep`,
      ]);
    }
  });

  it('refuses a saved scenario value nested that deep', async () => {
    const loaded = await loadScenario({ schemaVersion: 2, name: deepArray(100_000), levers: {} });
    expect(loaded).toEqual({
      ok: false,
      issues: [{ path: '', message: `${nesting}; a scenario is never that deep` }],
    });
  });

  it('refuses a shared link that decodes to deeply nested JSON', async () => {
    const json = `{"schemaVersion":2,"name":${'['.repeat(2000)}${']'.repeat(2000)},"levers":{}}`;
    const encoded = Buffer.from(json).toString('base64url');
    const decoded = await decodePermalink(encoded);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.issues[0]!.message).toBe(
        `the link is damaged and cannot be read (it ${nesting} (line 1); a shared link is never that deep)`,
      );
    }
  });

  it(
    'stops forecast and allocate with exit code 1 and one message, never a stack trace',
    {
      timeout: 240_000,
    },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tsp-json-'));
      const deep = join(dir, 'deep.json');
      writeFileSync(deep, deepScenarioText(100_000));
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{"entryYears": [2026,\n');
      const [forecast, allocate] = await Promise.all([
        runCommand('src/cli/forecast.ts', ['--scenario', deep, '--out', join(dir, 'f.csv')]),
        runCommand('src/cli/allocate.ts', ['--problem', broken, '--out', join(dir, 'a.csv')]),
      ]);
      expect(forecast).toEqual({
        code: 1,
        stdout: '',
        stderr: `forecast: ${deep}: ${nesting} (line 2); a scenario file is never that deep\n`,
      });
      expect(allocate.code).toBe(1);
      expect(allocate.stderr).toMatch(
        /^allocate: --problem: .*broken\.json is not valid JSON \(line 2, column 1: the text ends before the JSON is complete: the file is cut short\)\n$/,
      );
      expect(allocate.stderr).not.toMatch(STACK_LINE);
    },
  );
});
