/**
 * Shareable links: `/scenarios?scenario=<base64url(JSON)>` holding a whitelisted, versioned
 * subset of a scenario (schema version, name, levers, run settings; never the description or
 * evidence, which can be long). Opening a link validates it as strictly as a file; a tampered
 * or invalid link is refused with the reason and changes nothing.
 */
import { z } from 'zod';
import { parseJsonInput } from '../data/json-input.ts';
import { prepareFormulas } from './formula.ts';
import { describeIssues, describeZodIssues, type ScenarioIssue } from './load.ts';
import { SCHEMA_VERSION, leversSchema, runSchema, type Scenario } from './schema-v2.ts';

export const PERMALINK_PARAMETER = 'scenario';
/** Longer links are refused: browsers and servers cut URLs somewhere past 8,000 characters. */
const MAX_ENCODED_LENGTH = 6000;

export const permalinkSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
  name: z.string().regex(/\S/, { error: 'must not be empty' }).max(120),
  levers: leversSchema,
  run: runSchema.optional(),
});
export type PermalinkPayload = z.infer<typeof permalinkSchema>;

export function permalinkPayload(scenario: Scenario): PermalinkPayload {
  const payload: PermalinkPayload = {
    schemaVersion: SCHEMA_VERSION,
    name: scenario.name,
    levers: scenario.levers,
  };
  if (scenario.run) payload.run = scenario.run;
  return payload;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new Error('has characters a shared link never contains');
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
}

/**
 * The query value of a scenario's link. The payload goes through the schema first, which
 * also puts its keys in the schema's order, so a link decoded and encoded again is unchanged.
 */
export function encodePermalink(scenario: Scenario): string {
  const json = JSON.stringify(permalinkSchema.parse(permalinkPayload(scenario)));
  return toBase64Url(new TextEncoder().encode(json));
}

export type PermalinkResult =
  | { ok: true; scenario: Scenario; payload: PermalinkPayload }
  | { ok: false; issues: ScenarioIssue[] };

/** Reads a link's query value back into a scenario; anything off the whitelist is refused. */
export async function decodePermalink(encoded: string): Promise<PermalinkResult> {
  if (encoded.length > MAX_ENCODED_LENGTH) {
    return {
      ok: false,
      issues: [{ path: '', message: 'the link is too long to be one this service made' }],
    };
  }
  const damaged = (reason: string): PermalinkResult => ({
    ok: false,
    issues: [{ path: '', message: `the link is damaged and cannot be read (${reason})` }],
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded));
  } catch {
    return damaged('it is not UTF-8 text');
  }
  const json = parseJsonInput(text, { maxBytes: MAX_ENCODED_LENGTH, what: 'shared link' });
  if (!json.ok) return damaged(`it ${json.reason}`);
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return damaged('it does not hold a scenario');
  }
  const parserProblem = await prepareFormulas(value);
  if (parserProblem) return { ok: false, issues: [{ path: '', message: parserProblem }] };
  const parsed = permalinkSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: describeZodIssues(parsed.error.issues, value) };
  }
  const scenario: Scenario = {
    schemaVersion: SCHEMA_VERSION,
    name: parsed.data.name,
    description: 'Opened from a shared link.',
    levers: parsed.data.levers,
  };
  if (parsed.data.run) scenario.run = parsed.data.run;
  return { ok: true, scenario, payload: parsed.data };
}

/** One line per problem, for the page's error summary. */
export function describePermalinkIssues(issues: readonly ScenarioIssue[]): string[] {
  return describeIssues(issues, 'Shared link');
}
