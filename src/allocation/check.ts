/**
 * Independent checker: verifies every rule of DESIGN section 2 on an allocation's tables,
 * recomputing supply, loads and costs from the problem itself. It never looks at the model
 * matrix, so an error in the model builder or a solver that stopped early shows up here.
 * Every result is checked before it is shown, and every allocation test uses it.
 */
import { addYears, type AcademicYear } from '../data/academic-year.ts';
import {
  allowedChange,
  fairShareBase,
  leastFairnessPlaces,
  nqtsPerPlace,
  nqtsPerPoolPlace,
  placementYears,
  poolShares,
  qualifyingYear,
  unmetCost,
} from './check-rules.ts';
import type { AllocationProblem, AllocationPlan } from './problem.ts';
import type { AllocationSolution } from './solution.ts';
import { formatNumber, nameLookup, placesText } from './words.ts';

export interface CheckViolation {
  rule: string;
  text: string;
  /** How far the figure is outside the rule. */
  amount: number;
}

export interface ObjectiveBreakdown {
  weightedUnmet: number;
  surplusCost: number;
  changeCost: number;
  /** Places away from the common change in their subject, times the fairness weight. */
  fairnessCost: number;
  placeCost: number;
  total: number;
}

export interface CheckReport {
  ok: boolean;
  violations: CheckViolation[];
  /** The objective recomputed from the tables. */
  objective: ObjectiveBreakdown;
}

export interface CheckOptions {
  wholePlaces: boolean;
  minimumCohorts: boolean;
  /** The solver's objective: the tables may not cost more than it. */
  reportedObjective: number | null;
  tolerance?: number;
}

export function checkAllocation(
  problem: AllocationProblem,
  solution: AllocationSolution,
  options: CheckOptions,
): CheckReport {
  const baseTolerance = options.tolerance ?? 1e-5;
  const tol = (size: number) => baseTolerance + 1e-7 * Math.abs(size);
  const names = nameLookup(problem);
  const violations: CheckViolation[] = [];
  const fail = (rule: string, text: string, amount: number) =>
    violations.push({ rule, text, amount });

  const entryYears = [...problem.entryYears].sort();
  const partnerships = new Map(problem.partnerships.map((p) => [p.code, p]));
  const plans = problem.plans.filter((plan) => partnerships.has(plan.partnershipCode));
  const label = (plan: AllocationPlan) =>
    `${names.partnership(plan.partnershipCode)} ${plan.subject} (${plan.route})`;

  // Places per plan and year, each exactly once.
  const places = new Map<string, number>();
  for (const row of solution.places) {
    const key = `${row.partnershipCode}|${row.subject}|${row.route}|${row.entryYear}`;
    if (places.has(key)) fail('table', `${key} appears more than once`, 1);
    places.set(key, row.places);
  }
  // Each plan's places by year, looked up once (the rules below read them many times).
  const placesByPlan = new Map(
    plans.map((plan) => {
      const key = `${plan.partnershipCode}|${plan.subject}|${plan.route}|`;
      return [plan, new Map(entryYears.map((year) => [year, places.get(key + year)]))];
    }),
  );
  const x = (plan: AllocationPlan, year: AcademicYear): number =>
    placesByPlan.get(plan)!.get(year) ?? Number.NaN;
  const plansBySubject = new Map<string, AllocationPlan[]>();
  for (const plan of plans) {
    const group = plansBySubject.get(plan.subject) ?? [];
    group.push(plan);
    plansBySubject.set(plan.subject, group);
  }

  for (const plan of plans) {
    let previous = plan.lastYearAllocation;
    for (const [yearIndex, year] of entryYears.entries()) {
      const value = x(plan, year);
      // Words only for a rule that fails: most plans keep every rule.
      const where = () => `${label(plan)} in ${year}`;
      if (!Number.isFinite(value)) {
        fail('table', `${where()} has no allocation`, 1);
        continue;
      }
      if (value < -tol(0))
        fail('non-negative', `${where()} has ${formatNumber(value)} places`, -value);
      if (options.wholePlaces && Math.abs(value - Math.round(value)) > 1e-6) {
        fail(
          'whole-places',
          `${where()} has ${formatNumber(value)} places, not a whole number`,
          Math.abs(value - Math.round(value)),
        );
      }
      if (
        options.minimumCohorts &&
        value > tol(0) &&
        value < plan.minimumCohort - tol(plan.minimumCohort)
      ) {
        fail(
          'minimum-cohort',
          `${where()} has ${placesText(value)}, below its minimum cohort of ${formatNumber(plan.minimumCohort)}`,
          plan.minimumCohort - value,
        );
      }
      if (value > plan.capacity + tol(plan.capacity)) {
        fail(
          'plan-capacity',
          `${where()} has ${placesText(value)}, above its capacity of ${formatNumber(plan.capacity)}`,
          value - plan.capacity,
        );
      }
      if (plan.fixedPlaces !== null && Math.abs(value - plan.fixedPlaces) > tol(plan.fixedPlaces)) {
        fail(
          'fixed-places',
          `${where()} has ${placesText(value)}, not its fixed ${formatNumber(plan.fixedPlaces)}`,
          Math.abs(value - plan.fixedPlaces),
        );
      }
      const band = plan.fixedPlaces === null ? allowedChange(problem, plan) : null;
      if (band) {
        const change = value - previous;
        if (change > band.grow + tol(band.grow)) {
          fail(
            'stability-increase',
            `${where()} grows by ${formatNumber(change)}, more than the ${formatNumber(band.grow)} allowed`,
            change - band.grow,
          );
        }
        const cutAllowed = yearIndex === 0 ? Math.min(band.cut, previous) : band.cut;
        if (-change > cutAllowed + tol(cutAllowed)) {
          fail(
            'stability-decrease',
            `${where()} shrinks by ${formatNumber(-change)}, more than the ${formatNumber(cutAllowed)} allowed`,
            -change - cutAllowed,
          );
        }
      }
      previous = value;
    }
  }

  // Partnership totals and placements (earlier cohorts still in training count too).
  for (const partnership of problem.partnerships) {
    const own = plans.filter((plan) => plan.partnershipCode === partnership.code);
    if (own.length === 0) continue;
    for (const year of entryYears) {
      const total = own.reduce((sum, plan) => sum + x(plan, year), 0);
      if (partnership.totalCapacity !== null && total > partnership.totalCapacity + tol(total)) {
        fail(
          'total-capacity',
          `${partnership.name} has ${placesText(total)} in ${year}, above its total capacity of ${formatNumber(partnership.totalCapacity)}`,
          total - partnership.totalCapacity,
        );
      }
      if (partnership.mentorCapacity !== null) {
        let load = 0;
        for (const plan of own) {
          for (let k = 0; k < placementYears(plan.route); k += 1) {
            const cohortYear = addYears(year, -k);
            if (entryYears.includes(cohortYear)) load += x(plan, cohortYear);
            else if (cohortYear < entryYears[0]!) load += plan.lastYearAllocation;
          }
        }
        if (load > partnership.mentorCapacity + tol(load)) {
          fail(
            'mentor-capacity',
            `${partnership.name} needs ${formatNumber(load)} placements in ${year}, above its ${formatNumber(partnership.mentorCapacity)}`,
            load - partnership.mentorCapacity,
          );
        }
      }
    }
  }

  // Regional caps and the pool share, counting in-region shares.
  const poolPlaces = new Map(
    solution.pool.map((row) => [`${row.subject}|${row.entryYear}`, row.places]),
  );
  const regionalPlaces = (subject: string, year: AcademicYear) =>
    (plansBySubject.get(subject) ?? []).reduce(
      (sum, plan) => sum + partnerships.get(plan.partnershipCode)!.inRegionShare * x(plan, year),
      0,
    );
  for (const cap of problem.regionalCaps) {
    const used =
      regionalPlaces(cap.subject, cap.entryYear) +
      (poolPlaces.get(`${cap.subject}|${cap.entryYear}`) ?? 0);
    if (used > cap.places + tol(cap.places)) {
      fail(
        'regional-cap',
        `${cap.subject} has ${placesText(used)} in the region in ${cap.entryYear}, above the cap of ${formatNumber(cap.places)}`,
        used - cap.places,
      );
    }
  }
  for (const row of solution.pool) {
    if (row.places < -tol(0))
      fail('non-negative', `Pool ${row.subject} ${row.entryYear} is negative`, -row.places);
    if (options.wholePlaces && Math.abs(row.places - Math.round(row.places)) > 1e-6) {
      fail(
        'whole-places',
        `Pool ${row.subject} ${row.entryYear} is not a whole number`,
        Math.abs(row.places - Math.round(row.places)),
      );
    }
    if (problem.pool) {
      // pool = share x (partnership places + pool), up to one place over for whole places.
      const required =
        (problem.pool.share / (1 - problem.pool.share)) *
        regionalPlaces(row.subject, row.entryYear);
      if (row.places < required - tol(required)) {
        fail(
          'pool-share',
          `Pool ${row.subject} ${row.entryYear} holds ${placesText(row.places)}, below the ${formatNumber(required)} its share requires`,
          required - row.places,
        );
      }
      if (row.places > required + 1 + tol(required)) {
        fail(
          'pool-share',
          `Pool ${row.subject} ${row.entryYear} holds ${placesText(row.places)}, more than one place above the ${formatNumber(required)} its share requires`,
          row.places - required - 1,
        );
      }
    }
  }
  if (problem.pool && problem.pool.share > 0) {
    const subjects = new Set(plans.map((plan) => plan.subject));
    for (const subject of subjects) {
      for (const year of entryYears) {
        if (!poolPlaces.has(`${subject}|${year}`))
          fail('pool-share', `No pool row for ${subject} in ${year}`, 1);
      }
    }
  }

  // District balance: supply recomputed from places must match each outcome row.
  const supply = new Map<string, number>();
  const addSupply = (cell: string, value: number) =>
    supply.set(cell, (supply.get(cell) ?? 0) + value);
  const districtCodes = new Set(problem.districts.map((d) => d.code));
  const footprints = new Map(
    problem.partnerships.map((p) => [p.code, Object.entries(p.employmentFootprint)]),
  );
  for (const plan of plans) {
    const perPlace = nqtsPerPlace(problem, plan);
    for (const year of entryYears) {
      const nqtYear = qualifyingYear(plan.route, year);
      for (const [districtCode, share] of footprints.get(plan.partnershipCode)!) {
        if (districtCodes.has(districtCode) && share > 0) {
          addSupply(`${districtCode}|${plan.subject}|${nqtYear}`, x(plan, year) * perPlace * share);
        }
      }
    }
  }
  const sharesBySubject = new Map<string, Map<string, number>>();
  for (const row of solution.pool) {
    const perPlace = nqtsPerPoolPlace(problem, row.subject);
    let shares = sharesBySubject.get(row.subject);
    if (!shares) {
      shares = poolShares(problem, row.subject);
      sharesBySubject.set(row.subject, shares);
    }
    for (const [districtCode, share] of shares) {
      addSupply(
        `${districtCode}|${row.subject}|${addYears(row.entryYear, 1)}`,
        row.places * perPlace * share,
      );
    }
  }
  const needByCell = new Map<string, number>();
  for (const record of problem.need) {
    const cell = `${record.districtCode}|${record.subject}|${record.nqtYear}`;
    needByCell.set(cell, (needByCell.get(cell) ?? 0) + record.teachers);
  }
  const districts = new Map(problem.districts.map((d) => [d.code, d]));
  const seen = new Set<string>();
  let weightedUnmet = 0;
  let surplusTotal = 0;
  for (const outcome of solution.outcomes) {
    const cell = `${outcome.districtCode}|${outcome.subject}|${outcome.nqtYear}`;
    const where = () =>
      `${names.district(outcome.districtCode)} ${outcome.subject} ${outcome.nqtYear}`;
    seen.add(cell);
    const need = needByCell.get(cell) ?? 0;
    const supplied = supply.get(cell) ?? 0;
    if (Math.abs(outcome.need - need) > tol(need))
      fail(
        'balance',
        `${where()}: need ${formatNumber(outcome.need)} shown, ${formatNumber(need)} in the input`,
        Math.abs(outcome.need - need),
      );
    if (Math.abs(outcome.supply - supplied) > tol(supplied)) {
      fail(
        'balance',
        `${where()}: supply ${formatNumber(outcome.supply)} shown, ${formatNumber(supplied)} from the places`,
        Math.abs(outcome.supply - supplied),
      );
    }
    if (outcome.unmet < -tol(0))
      fail('balance', `${where()}: unmet need is negative`, -outcome.unmet);
    if (outcome.surplus < -tol(0))
      fail('balance', `${where()}: surplus is negative`, -outcome.surplus);
    const residual = supplied + outcome.unmet - outcome.surplus - need;
    if (Math.abs(residual) > tol(need)) {
      fail(
        'balance',
        `${where()}: supply + unmet - surplus is ${formatNumber(residual)} away from the need`,
        Math.abs(residual),
      );
    }
    const weight = districts.has(outcome.districtCode)
      ? unmetCost(problem, outcome.districtCode, outcome.subject)
      : outcome.weight;
    weightedUnmet += weight * outcome.unmet;
    surplusTotal += outcome.surplus;
  }
  // A cell with no need figure has no outcome row: need that is not known is not zero.
  for (const [cell, value] of supply) {
    if (!seen.has(cell) && needByCell.has(cell) && value > tol(0))
      fail(
        'balance',
        `Supply of ${formatNumber(value)} NQTs to ${cell} is not in the district outcomes`,
        value,
      );
  }

  let changeCost = 0;
  let totalPlaces = 0;
  for (const plan of plans) {
    let previous = plan.lastYearAllocation;
    for (const year of entryYears) {
      const value = x(plan, year);
      changeCost += problem.costs.changePerPlace * Math.abs(value - previous);
      totalPlaces += value;
      previous = value;
    }
  }
  for (const row of solution.pool) totalPlaces += row.places;
  let fairnessPlaces = 0;
  const fairnessWeight = problem.fairness?.weightPerPlace ?? 0;
  if (fairnessWeight > 0) {
    for (const inItsSubject of plansBySubject.values()) {
      for (const year of entryYears) {
        const inSubject = inItsSubject
          .filter((plan) => fairShareBase(plan) !== null)
          .map((plan) => ({ places: x(plan, year), base: fairShareBase(plan)! }));
        fairnessPlaces += leastFairnessPlaces(inSubject);
      }
    }
  }
  const objective: ObjectiveBreakdown = {
    weightedUnmet,
    surplusCost: problem.costs.surplusPerTeacher * surplusTotal,
    changeCost,
    fairnessCost: fairnessWeight * fairnessPlaces,
    placeCost: problem.costs.perPlace * totalPlaces,
    total: 0,
  };
  objective.total =
    objective.weightedUnmet +
    objective.surplusCost +
    objective.changeCost +
    objective.fairnessCost +
    objective.placeCost;
  // The tables may cost less than the solver's figure (slack not squeezed out at a time
  // limit) but never more: more would mean the solver's objective is not of this plan.
  if (
    options.reportedObjective !== null &&
    objective.total > options.reportedObjective + tol(objective.total) * 10
  ) {
    fail(
      'objective',
      `The plan's cost ${formatNumber(objective.total)} is above the solver's ${formatNumber(options.reportedObjective)}`,
      objective.total - options.reportedObjective,
    );
  }

  return { ok: violations.length === 0, violations, objective };
}
