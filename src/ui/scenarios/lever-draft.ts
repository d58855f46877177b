/**
 * The lever form's working copy: every lever as the text in its input, keyed by lever path
 * (`leaverRateMultipliers.ect1`, `completionRate.Physics`, `run.draws`). Converting back to a
 * scenario keeps numbers as numbers and anything else as a formula, and leaves out empty
 * fields (the model default applies); the strict loader then judges the result.
 */
import { SUBJECT_GROUPS } from '../../data/types.ts';
import {
  LEVERS,
  RUN_SETTINGS,
  leverDoc,
  type Levers,
  type Scenario,
  type ScenarioIssue,
} from '../../scenarios/index.ts';

export type Draft = Record<string, string>;

/** The per-subject levers (`completionRate.<subject>` ...), by name. */
const SUBJECT_LEVERS = LEVERS.filter((lever) => lever.path.includes('<subject>')).map((lever) =>
  lever.path.replace('.<subject>', ''),
);

/** Every editable path: plain levers, per-subject levers for each subject, run settings. */
export function draftPaths(): string[] {
  const plain = LEVERS.filter((lever) => !lever.path.includes('<subject>')).map((l) => l.path);
  const bySubject = SUBJECT_LEVERS.flatMap((name) => SUBJECT_GROUPS.map((g) => `${name}.${g}`));
  return [...plain, ...bySubject, ...RUN_SETTINGS.map((s) => `run.${s.path}`)];
}

function get(value: unknown, path: string): unknown {
  const [head, ...rest] = path.split('.');
  if (typeof value !== 'object' || value === null || head === undefined) return undefined;
  const child = (value as Record<string, unknown>)[head];
  return rest.length === 0 ? child : get(child, rest.join('.'));
}

function text(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && 'formula' in value) {
    return String((value as { formula: unknown }).formula);
  }
  return '';
}

export function draftOf(scenario: Scenario): Draft {
  const draft: Draft = {};
  for (const path of draftPaths()) {
    const value = path.startsWith('run.')
      ? get(scenario.run, path.slice(4))
      : get(scenario.levers, path);
    draft[path] = text(value);
  }
  draft.demandMode = scenario.levers.demandMode ?? '';
  return draft;
}

function set(target: Record<string, unknown>, path: string[], value: unknown) {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  set(child, rest, value);
}

/** A number when the text is one, else a formula (the schema refuses formulas where none is allowed). */
function valueOf(raw: string): unknown {
  const trimmed = raw.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)
    ? Number(trimmed)
    : { formula: trimmed };
}

/** Whether the draft sets any lever or run setting differently from the scenario it started from. */
export function draftChanged(base: Scenario, draft: Draft): boolean {
  const original = draftOf(base);
  return Object.keys(original).some(
    (path) => (original[path] ?? '').trim() !== (draft[path] ?? '').trim(),
  );
}

/**
 * What an edited scenario says about itself: the user's description when they wrote one;
 * otherwise, once the levers differ, a note that it was edited from the original, so a
 * download or link never passes the original's words off as describing the edit.
 */
export function editedDescription(base: Scenario, description: string, draft: Draft): string {
  const written = description.trim();
  if (written !== base.description.trim() || !draftChanged(base, draft)) return written;
  return `Edited from “${base.name}”: the levers differ from that scenario's, which it described as: ${base.description}`.slice(
    0,
    4000,
  );
}

/**
 * The scenario the form describes, before validation (the loader checks it). The original's
 * evidence is kept only while the levers are the original's: it supported those values.
 */
export function scenarioFromDraft(
  base: Scenario,
  name: string,
  description: string,
  draft: Draft,
): unknown {
  const levers: Record<string, unknown> = {};
  const run: Record<string, unknown> = {};
  for (const path of draftPaths()) {
    const raw = draft[path]?.trim() ?? '';
    if (raw === '') continue;
    if (path.startsWith('run.')) run[path.slice(4)] = valueOf(raw);
    // No subject group name contains a dot, so a path splits cleanly.
    else set(levers, path.split('.'), valueOf(raw));
  }
  if (draft.demandMode) levers.demandMode = draft.demandMode;
  // Fields the form does not edit are kept from the scenario it started from.
  const qts = base.levers.internationalQts;
  if (qts?.subjects && levers.internationalQts) {
    (levers.internationalQts as Record<string, unknown>).subjects = qts.subjects;
  }
  const scenario: Record<string, unknown> = {
    schemaVersion: 2,
    name,
    description: editedDescription(base, description, draft),
    levers: levers as Levers,
  };
  if (base.evidence && !draftChanged(base, draft)) scenario.evidence = base.evidence;
  if (Object.keys(run).length > 0) scenario.run = run;
  return scenario;
}

/** The input id of a lever path from an issue (`levers.returnerMultiplier.formula` -> its input). */
export function fieldIdOf(issuePath: string): string {
  const path = issuePath.replace(/^levers\./, '').replace(/\.formula$/, '');
  if (path === 'name') return 'scenario-name';
  if (path.startsWith('run')) return `lever-${path.replace(/\./g, '-')}`;
  const subjectLever = SUBJECT_LEVERS.find((name) => path.startsWith(`${name}.`));
  if (subjectLever) return `lever-${subjectLever}`;
  return `lever-${path.replace(/\./g, '-')}`;
}

/**
 * An issue as the form shows it (GOV.UK: name the field in the words of its label, not the
 * file's path): "Leaving rate multiplier: early career year 1 must be between 0 and 3 (got 5)".
 */
export function fieldMessageOf(issue: ScenarioIssue): string {
  const path = issue.path.replace(/^levers\./, '').replace(/\.formula$/, '');
  const run = path.startsWith('run.') ? path.slice('run.'.length) : undefined;
  const doc =
    run !== undefined ? RUN_SETTINGS.find((setting) => setting.path === run) : leverDoc(path);
  const label =
    path === 'name'
      ? 'Scenario name'
      : doc === undefined
        ? undefined
        : doc.path.endsWith('.<subject>')
          ? `${doc.label}, ${path.slice(path.lastIndexOf('.') + 1)}`
          : doc.label;
  if (label === undefined) return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  return issue.message.startsWith('must ')
    ? `${label} ${issue.message}`
    : `${label}: ${issue.message}`;
}
