/**
 * Where JSON text first goes wrong, and why in plain words. JSON.parse only says that it
 * failed, in the engine's own words (V8, Firefox and Safari each word it differently and not
 * all give a position), so a refused file is read again by this small scanner of the JSON
 * grammar (RFC 8259) to point at the line and column and say what to change there.
 */

export interface JsonSyntaxError {
  /** Offset of the first character that cannot be right (text.length when the text stops short). */
  offset: number;
  reason: string;
}

const ENDS_EARLY = 'the text ends before the JSON is complete: the file is cut short';

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** How a character is named in a message: quoted, or by name when it does not print. */
function shown(char: string): string {
  if (char === '\t') return 'a tab';
  if (char === '\n' || char === '\r') return 'a line break';
  return `“${char}”`;
}

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  private stop(reason: string, offset = this.at): never {
    throw new Stop(offset, reason);
  }

  private skipSpace(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text[this.at]!)) this.at += 1;
  }

  private peek(): string {
    if (this.at >= this.text.length) this.stop(ENDS_EARLY, this.text.length);
    return this.text[this.at]!;
  }

  document(): void {
    this.skipSpace();
    this.value();
    this.skipSpace();
    if (this.at < this.text.length) {
      this.stop(
        `there is more after the end of the JSON (${shown(this.text[this.at]!)}); remove it, or put the items in one list or object`,
      );
    }
  }

  private value(): void {
    const char = this.peek();
    if (char === '{') return this.object();
    if (char === '[') return this.list();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    if (char === "'") this.stop('text is in single quotes; put it in double quotes (")');
    if (char === '}' || char === ']') {
      this.stop(`${shown(char)} comes where a value should; remove the comma before it`);
    }
    const word = /^[A-Za-z]+/.exec(this.text.slice(this.at, this.at + 20))?.[0];
    if (word !== undefined) {
      this.stop(
        `${word} is not a JSON value; write text in double quotes, numbers in digits, or true, false or null`,
      );
    }
    this.stop(
      `${shown(char)} cannot start a value; write text in double quotes, numbers in digits, or true, false or null`,
    );
  }

  private object(): void {
    this.at += 1; // {
    this.skipSpace();
    if (this.peek() === '}') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      const char = this.peek();
      if (char === '}') this.stop('a comma is followed by “}”; remove the last comma');
      if (char !== '"') {
        this.stop(
          char === "'"
            ? 'a field name is in single quotes; put it in double quotes (")'
            : 'a field name is not in double quotes; put each field name in double quotes (")',
        );
      }
      this.string();
      this.skipSpace();
      if (this.peek() !== ':') this.stop('a colon (:) is missing after the field name');
      this.at += 1;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const next = this.peek();
      this.at += 1;
      if (next === '}') return;
      if (next !== ',') {
        this.stop('a comma is missing between two fields, or a “}” is missing', this.at - 1);
      }
    }
  }

  private list(): void {
    this.at += 1; // [
    this.skipSpace();
    if (this.peek() === ']') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() === ']') this.stop('a comma is followed by “]”; remove the last comma');
      this.value();
      this.skipSpace();
      const next = this.peek();
      this.at += 1;
      if (next === ']') return;
      if (next !== ',') {
        this.stop(
          'a comma is missing between two items of a list, or a “]” is missing',
          this.at - 1,
        );
      }
    }
  }

  private string(): void {
    this.at += 1; // opening quote
    for (;;) {
      if (this.at >= this.text.length) {
        this.stop(ENDS_EARLY, this.text.length);
      }
      const char = this.text[this.at]!;
      if (char === '"') {
        this.at += 1;
        return;
      }
      if (char < ' ') {
        this.stop(
          `${shown(char)} is inside quoted text; write it as \\n or \\t, or close the quote`,
        );
      }
      if (char === '\\') {
        const escaped = this.text[this.at + 1] ?? '';
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
            this.stop('“\\u” must be followed by 4 hexadecimal digits');
          }
          this.at += 6;
          continue;
        }
        if (!ESCAPES.has(escaped)) {
          this.stop(`“\\${escaped}” is not a JSON escape; write a backslash as \\\\`);
        }
        this.at += 2;
        continue;
      }
      this.at += 1;
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (match === null || /^[\d.eE+-]/.test(this.text.slice(this.at + match[0].length))) {
      this.stop(
        'a number is not written as JSON asks; write it in digits with a point for decimals, like 0.5 or 12',
      );
    }
    this.at += match[0].length;
  }
}

/** The first problem in JSON text, or null when the grammar is followed. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}
