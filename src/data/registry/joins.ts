/**
 * Applies a file's join rules (entry.ts) to its validated rows. Pure: the code sets come in
 * already resolved, so the same rules run in the loader, in a worker or in a test.
 */
import { sameName } from '../cells.ts';
import type { Located, TableProblem } from '../schemas.ts';
import type { RegionDataset } from '../types.ts';
import type { JoinRule } from './entry.ts';

/** A code set as loaded: its codes, their names where known and how to describe it. */
export interface ResolvedCodeSet {
  description: string;
  codes: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
}

/** The code set of a name, or null when it could not be read (its rules are then skipped). */
export type CodeSetLookup = (name: string) => ResolvedCodeSet | null;

/** The code sets a file's rules use. */
export function codeSetsUsed<Row>(rules: readonly JoinRule<Row>[]): string[] {
  return rules.flatMap((rule) =>
    'in' in rule ? [rule.in] : 'covers' in rule ? [rule.covers] : [],
  );
}

const cellOf = <Row>(row: Row, column: string): string | null =>
  (row as Record<string, string | null>)[column] ?? null;

function label(set: ResolvedCodeSet, code: string): string {
  const name = set.names.get(code);
  return name ? `${code} (${name})` : code;
}

/** Every combination of the `per` columns' values, e.g. [['primary', '2025/26'], ...]. */
function combinations<Row>(
  rows: readonly Located<Row>[],
  per: readonly { column: string; values?: readonly string[] }[],
): string[][] {
  return per.reduce<string[][]>(
    (combos, { column, values }) => {
      const options = values ?? [...new Set(rows.map(({ value }) => cellOf(value, column) ?? ''))];
      return combos.flatMap((combo) => options.map((option) => [...combo, option]));
    },
    [[]],
  );
}

/** A name that contradicts the set's name for the row's code (names compared as sameName does). */
function nameProblems(
  line: number,
  code: string,
  name: string | null,
  column: string,
  set: ResolvedCodeSet,
): TableProblem[] {
  const known = set.names.get(code);
  if (name === null || known === undefined || sameName(name, known)) return [];
  return [
    {
      line,
      column,
      reason: `"${name}" is not the name of ${code} ("${known}")`,
      fix: `Enter ${known}, or the code of ${name}`,
    },
  ];
}

export function joinProblems<Row>(
  rules: readonly JoinRule<Row>[],
  rows: readonly Located<Row>[],
  codeSets: CodeSetLookup,
  dataset: RegionDataset,
): TableProblem[] {
  return rules.flatMap((rule): TableProblem[] => {
    if ('check' in rule) return rule.check(rows, dataset);
    if ('oneValue' in rule) {
      const values = [...new Set(rows.map(({ value }) => cellOf(value, rule.column)))];
      return values.length > 1
        ? [
            {
              line: null,
              column: rule.column,
              reason: `holds more than one ${rule.oneValue} (${values.join(', ')})`,
            },
          ]
        : [];
    }
    if ('in' in rule) {
      const set = codeSets(rule.in);
      if (!set) return [];
      const also = rule.orAlso ?? [];
      const allowed = [set.description, ...also.map((value) => `"${value}"`)].join(' or ');
      return rows.flatMap(({ line, value }): TableProblem[] => {
        const code = cellOf(value, rule.column);
        if (code === null || also.includes(code)) return [];
        if (!set.codes.has(code)) {
          return [{ line, column: rule.column, reason: `"${code}" is not ${allowed}` }];
        }
        return rule.nameColumn === undefined
          ? []
          : nameProblems(line, code, cellOf(value, rule.nameColumn), rule.nameColumn, set);
      });
    }
    const set = codeSets(rule.covers);
    if (!set) return [];
    const per = rule.per ?? [];
    const present = new Set(
      rows.map(({ value }) =>
        [rule.column, ...per.map((p) => p.column)].map((c) => cellOf(value, c)).join('|'),
      ),
    );
    const combos = combinations(rows, per);
    return [...set.codes].flatMap((code) =>
      combos
        .filter((combo) => !present.has([code, ...combo].join('|')))
        .map((combo) => ({
          line: null,
          column: rule.column,
          reason: `no ${rule.what} row for ${[label(set, code), ...combo].join(', ')}`,
        })),
    );
  });
}
