/**
 * What every constraint family's builder works with: the problem, the model being built, the
 * place columns and the bookkeeping that names each row after the rule it states. A family
 * adds its rows through `addConstraint`, which leaves out a disabled rule and gives an
 * elastic rule penalised slack (both used by the infeasibility diagnosis).
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { SubjectGroup } from '../data/types.ts';
import { ModelBuilder } from '../solver/model.ts';
import type {
  AllocationPartnership,
  AllocationPlan,
  AllocationProblem,
  TrainingRoute,
} from './problem.ts';
import { planKey, stabilityBand, type StabilityBand } from './rules.ts';

export type ConstraintFamily =
  | 'balance'
  | 'change'
  | 'plan-capacity'
  | 'total-capacity'
  | 'mentor-capacity'
  | 'minimum-cohort'
  | 'regional-cap'
  | 'fixed-places'
  | 'stability-increase'
  | 'stability-decrease'
  | 'pool-share'
  | 'fairness';

export interface ConstraintInfo {
  /** Stable id, the same in the LP and MILP models of one problem. */
  id: string;
  family: ConstraintFamily;
  /** The limit the rule states (places, teachers for balance rows, a share for the pool). */
  limit: number;
  /** A second figure the rule's sentence needs, as its family documents (else null). */
  detail: number | null;
  partnershipCode: string | null;
  subject: SubjectGroup | null;
  route: TrainingRoute | null;
  entryYear: AcademicYear | null;
  districtCode: string | null;
  nqtYear: AcademicYear | null;
  /** Model rows of this constraint (two for a minimum cohort; none when held as a bound). */
  rows: number[];
  /**
   * A rule held as a column's upper bound instead of a row (a stability band, as the bound on
   * its year's increase or decrease column). The plan's change in the rule's direction is
   * value(column) - value(partner), partner being the opposite change column.
   */
  bound: { column: number; partner: number } | null;
}

export type ConstraintSpec = Pick<ConstraintInfo, 'id' | 'family' | 'limit'> &
  Partial<Omit<ConstraintInfo, 'id' | 'family' | 'limit' | 'rows' | 'bound'>>;

export interface RowSpec {
  name: string;
  lower: number;
  upper: number;
  terms: readonly (readonly [column: number, coefficient: number])[];
}

export interface BuildOptions {
  /** x integer (whole places). */
  wholePlaces: boolean;
  /** Minimum viable cohorts as x = 0 or x >= m (binary switch per plan-year). */
  minimumCohorts: boolean;
  /** Constraint ids left out of the model (used by the diagnosis). */
  disabled?: ReadonlySet<string>;
  /** Constraint ids whose rows get penalised slack (used by the diagnosis). */
  elastic?: ReadonlySet<string>;
  /** Zero every cost except elastic slack: the model asks only "is there a feasible plan?". */
  feasibilityOnly?: boolean;
}

/** One plan and what the rules derive for it, worked out once per build. */
export interface PlanFacts {
  plan: AllocationPlan;
  partnership: AllocationPartnership;
  /** planKey(plan). */
  key: string;
  /** Short LP-name stem, e.g. S21_Physics_HEI. */
  short: string;
  band: StabilityBand | null;
}

const ROUTE_CODES: Record<TrainingRoute, string> = {
  'HEI postgraduate': 'HEI',
  SCITT: 'SCITT',
  'School Direct fee': 'SDF',
  'School Direct salaried': 'SDS',
  'Teach First': 'TF',
  Apprenticeship: 'PGTA',
  Undergraduate: 'UG',
  'Assessment only': 'AO',
};

/** Letters only: a subject or region name inside an LP name. */
export function nameCode(text: string): string {
  return text.replace(/[^A-Za-z]/g, '');
}

/** '2027/28' -> '202728' inside an LP name. */
export const yearCode = (year: AcademicYear): string => year.slice(0, 4) + year.slice(5);

/** The id of a rule on one plan, partnership or subject in one year. */
export const ruleId = (family: ConstraintFamily, key: string, year: AcademicYear): string =>
  `${family}|${key}|${year}`;

export interface BalanceCell {
  districtCode: string;
  subject: SubjectGroup;
  nqtYear: AcademicYear;
  need: number;
  weight: number;
  unmetColumn: number;
  surplusColumn: number;
  row: number;
}

/** A district, subject and NQT year the plans reach but the need data does not cover. */
export interface MissingNeedCell {
  districtCode: string;
  subject: SubjectGroup;
  nqtYear: AcademicYear;
}

/** |x[y] - x[y-1]| = up + down, one per change row. */
export interface ChangeColumns {
  row: number;
  up: number;
  down: number;
  planIndex: number;
  yearIndex: number;
}

/** One plan-year's fairness row: x - reference x factor - above + below = 0 (+- rounding). */
export interface FairnessColumns {
  row: number;
  factor: number;
  above: number;
  below: number;
  planIndex: number;
  yearIndex: number;
  reference: number;
}

export class BuildContext {
  readonly builder: ModelBuilder;
  readonly constraints: ConstraintInfo[] = [];
  readonly rowConstraint: number[] = [];
  readonly elasticColumns = new Map<string, number[]>();
  readonly entryYears: AcademicYear[];
  readonly plans: AllocationPlan[];
  readonly facts: PlanFacts[];
  readonly partnerships: Map<string, AllocationPartnership>;
  /** Subjects with plans or need, in first-seen order. */
  readonly subjects: SubjectGroup[];
  /** x[planIndex][yearIndex] -> column. */
  readonly placeColumns: number[][] = [];
  /** Pool place columns by subject, one per entry year. */
  readonly poolColumns = new Map<SubjectGroup, number[]>();
  /** open[planIndex][yearIndex] -> binary column, or -1 when the plan needs no switch. */
  readonly openColumns: number[][] = [];
  readonly changeColumns: ChangeColumns[] = [];
  /** Common change factor g by subject, one column per entry year (fairness). */
  readonly commonFactorColumns = new Map<SubjectGroup, number[]>();
  readonly fairnessColumns: FairnessColumns[] = [];
  readonly balance: BalanceCell[] = [];
  readonly missingNeed: MissingNeedCell[] = [];
  /** Need (teachers) outside the years or districts this allocation can reach. */
  unreachableNeed = 0;
  private readonly disabled: ReadonlySet<string>;
  private readonly elastic: ReadonlySet<string>;

  constructor(
    readonly problem: AllocationProblem,
    readonly options: BuildOptions,
  ) {
    this.builder = new ModelBuilder(`itt_allocation_${nameCode(problem.regionName)}`);
    this.disabled = options.disabled ?? new Set();
    this.elastic = options.elastic ?? new Set();
    this.entryYears = [...problem.entryYears].sort();
    this.partnerships = new Map(problem.partnerships.map((p) => [p.code, p]));
    this.plans = problem.plans.filter((plan) => this.partnerships.has(plan.partnershipCode));
    this.facts = this.plans.map((plan) => ({
      plan,
      partnership: this.partnerships.get(plan.partnershipCode)!,
      key: planKey(plan),
      short: `${plan.partnershipCode}_${nameCode(plan.subject)}_${ROUTE_CODES[plan.route]}`,
      band: problem.stability ? stabilityBand(plan, problem.stability) : null,
    }));
    this.subjects = [
      ...new Set<SubjectGroup>([
        ...this.plans.map((plan) => plan.subject),
        ...problem.need.map((record) => record.subject),
      ]),
    ];
  }

  /** Every cost is zero in a feasibility-only model. */
  cost(value: number): number {
    return this.options.feasibilityOnly ? 0 : value;
  }

  /** True when the rule is in the model as a hard constraint (neither left out nor elastic). */
  hard(id: string): boolean {
    return !this.isDisabled(id) && !this.isElastic(id);
  }

  // Empty sets (every build but the diagnosis's) are not asked: looking up an id hashes it,
  // and ids are fresh strings, so asking cost about a tenth of a build.
  isDisabled(id: string): boolean {
    return this.disabled.size > 0 && this.disabled.has(id);
  }

  private isElastic(id: string): boolean {
    return this.elastic.size > 0 && this.elastic.has(id);
  }

  /** Adds one named constraint (one or more rows); skipped when disabled. */
  addConstraint(spec: ConstraintSpec, rows: readonly RowSpec[]): void {
    if (this.isDisabled(spec.id)) return;
    const index = this.constraints.length;
    const info = this.info(spec, null);
    const elastic = this.isElastic(spec.id);
    for (const row of rows) {
      let terms = row.terms;
      if (elastic) {
        // Slack that lets the row move, at a cost: below-lower and above-upper parts.
        const columns = this.elasticColumns.get(spec.id) ?? [];
        const slack: [number, number][] = [];
        if (Number.isFinite(row.lower)) {
          const up = this.builder.addColumn(`el_${row.name}_lo`, 1, 0, Infinity, 'continuous');
          slack.push([up, 1]);
          columns.push(up);
        }
        if (Number.isFinite(row.upper)) {
          const down = this.builder.addColumn(`el_${row.name}_hi`, 1, 0, Infinity, 'continuous');
          slack.push([down, -1]);
          columns.push(down);
        }
        this.elasticColumns.set(spec.id, columns);
        terms = [...terms, ...slack];
      }
      info.rows.push(this.builder.addRow(row.name, row.lower, row.upper, terms));
      this.rowConstraint.push(index);
    }
    this.constraints.push(info);
  }

  /** Registers a rule already set as a column's upper bound (see ConstraintInfo.bound). */
  addBoundConstraint(spec: ConstraintSpec, bound: { column: number; partner: number }): void {
    this.constraints.push(this.info(spec, bound));
  }

  private info(spec: ConstraintSpec, bound: ConstraintInfo['bound']): ConstraintInfo {
    return {
      detail: null,
      partnershipCode: null,
      subject: null,
      route: null,
      entryYear: null,
      districtCode: null,
      nqtYear: null,
      ...spec,
      rows: [],
      bound,
    };
  }
}
