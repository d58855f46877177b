/**
 * The guard every JSON input passes before anything reads it: scenario files, shared links,
 * `allocate --problem` files and ledger files. Size and nesting depth are checked on the text,
 * by a loop rather than recursion, before JSON.parse and before any schema walks the value; a
 * value that did not come from text (a saved record) gets the same depth check. So a file of
 * a 100,000-deep array is refused in one sentence instead of exhausting the stack.
 *
 * Shape is each input's own schema's job; this only makes it safe to run one.
 */

import { byteLength, decodeUtf8, sizeText, type FileContent } from './utf8.ts';
import { jsonSyntaxError } from './json-syntax.ts';

/** Deeper than any file the app writes (a scenario or ledger is under 10 levels). */
export const MAX_JSON_DEPTH = 64;

export interface JsonLimits {
  /** Largest text accepted, in UTF-8 bytes. */
  maxBytes: number;
  /** What the text is, for messages: 'scenario file', 'ledger file'. */
  what: string;
  maxDepth?: number;
}

export type JsonInput =
  | { ok: true; value: unknown }
  /** `reason` reads after the input's name: "... is not valid JSON (line 3, column 5: ...)". */
  | { ok: false; reason: string; line: number | null };

/** The first line (1-based) at which brackets nest deeper than `maxDepth`, or null. */
function lineTooDeep(text: string, maxDepth: number): number | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 10) line += 1;
    if (inString) {
      if (char === 92)
        i += 1; // a backslash escapes the next character
      else if (char === 34) inString = false;
    } else if (char === 34) {
      inString = true;
    } else if (char === 91 || char === 123) {
      depth += 1;
      if (depth > maxDepth) return line;
    } else if (char === 93 || char === 125) {
      depth -= 1;
    }
  }
  return null;
}

/**
 * The first key that appears twice in one object, and its line, or null. JSON.parse keeps the
 * last silently, so `{"draws": 10, "draws": 1e6}` would run what a reader of the file does not
 * see. Called on text JSON.parse has accepted, so strings and brackets are well formed.
 */
function duplicateKey(text: string): { key: string; line: number } | null {
  const objects: (Set<string> | null)[] = []; // null for an array
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 10) line += 1;
    else if (char === 123) objects.push(new Set());
    else if (char === 91) objects.push(null);
    else if (char === 93 || char === 125) objects.pop();
    else if (char === 34) {
      const start = i;
      for (i += 1; text.charCodeAt(i) !== 34; i += 1) if (text.charCodeAt(i) === 92) i += 1;
      const keys = objects.at(-1);
      if (!keys || !/^\s*:/.test(text.slice(i + 1, i + 64))) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (keys.has(key)) return { key, line };
      keys.add(key);
    }
  }
  return null;
}

/** Line and column of a character offset, both 1-based. */
/**
 * The first number too large for a double (JSON.parse reads 1e999 as Infinity, which then
 * turns into null when checked), and its line, or null. Called on text JSON.parse accepted.
 */
function numberTooLarge(text: string): { literal: string; line: number } | null {
  let line = 1;
  const numberAt = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 10) line += 1;
    else if (char === 34) {
      for (i += 1; text.charCodeAt(i) !== 34; i += 1) if (text.charCodeAt(i) === 92) i += 1;
    } else if (char === 45 || (char >= 48 && char <= 57)) {
      numberAt.lastIndex = i;
      const literal = numberAt.exec(text)![0];
      if (!Number.isFinite(Number(literal))) return { literal, line };
      i += literal.length - 1;
    }
  }
  return null;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where the text first breaks the JSON grammar, and why, in words. */
function syntaxProblem(text: string): { reason: string; line: number | null } {
  const problem = jsonSyntaxError(text);
  // JSON.parse and the scanner follow the same grammar; the fallback only guards a disagreement.
  if (problem === null) return { reason: 'is not valid JSON', line: null };
  const { line, column } = lineAndColumn(text, problem.offset);
  return { reason: `is not valid JSON (line ${line}, column ${column}: ${problem.reason})`, line };
}

/** Parses JSON text within its limits; on any problem, the reason in words and its line. */
export function parseJsonInput(content: FileContent, limits: JsonLimits): JsonInput {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  if (content.length > limits.maxBytes || byteLength(content) > limits.maxBytes) {
    return {
      ok: false,
      reason: `is larger than ${sizeText(limits.maxBytes)}, the limit for a ${limits.what}`,
      line: null,
    };
  }
  const decoded = decodeUtf8(content);
  if (!decoded.ok) {
    return { ok: false, reason: `is not UTF-8 text (line ${decoded.line})`, line: decoded.line };
  }
  const body = decoded.text;
  if (body.trim() === '') return { ok: false, reason: 'is empty', line: null };
  const deepLine = lineTooDeep(body, maxDepth);
  if (deepLine !== null) {
    return {
      ok: false,
      reason: `nests lists or objects more than ${maxDepth} levels deep (line ${deepLine}); a ${limits.what} is never that deep`,
      line: deepLine,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, ...syntaxProblem(body) };
  }
  const huge = numberTooLarge(body);
  if (huge) {
    return {
      ok: false,
      reason: `holds the number ${huge.literal} (line ${huge.line}), too large to be a number this tool reads; write numbers in digits, like 12 or 0.5`,
      line: huge.line,
    };
  }
  const duplicate = duplicateKey(body);
  if (duplicate) {
    return {
      ok: false,
      reason: `gives "${duplicate.key}" twice in one object (line ${duplicate.line}); give each field once`,
      line: duplicate.line,
    };
  }
  return { ok: true, value };
}

/** True when a value nests arrays or objects deeper than `maxDepth` (checked without recursion). */
export function isTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    if (depth + 1 > maxDepth) return true;
    seen.add(current);
    for (const child of Object.values(current)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}
