/**
 * Propose in-year transfers of ITT places from an allocation and monthly recruitment returns.
 *
 *   npm run redistribute -- --allocation allocation.csv --returns returns.csv --out proposals.csv
 *     [--returns past-years.csv ...]   more returns files (past years fit the recruitment curve)
 *     [--rules over-recruitment,tolerance]   DfE 2016-2019 rules to switch on
 *     [--substitute-sciences]          let Biology, Chemistry and Physics places substitute
 *     [--track-record track.csv]       write recruited / allocated per partnership x subject
 *
 * The partnerships known are those in the allocation file. Any problem in an input is
 * reported with file, row, column and reason, and nothing is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import highsLoader from 'highs';
import { describeIssue } from '../data/issues.ts';
import type { DataIssue } from '../data/types.ts';
import {
  DEFAULT_TRANSFER_OPTIONS,
  EMPTY_RETURNS,
  NO_RULES,
  SCIENCE_SUBSTITUTION_GROUP,
  appendStep,
  baselineDraft,
  chooseCurves,
  cycleMonthName,
  emptyLedgerState,
  fillRates,
  generateActorKey,
  MANAGER_SIGNER,
  importAllocationCsv,
  importReturnsCsv,
  latestMonthReached,
  proposalsToCsv,
  proposeTransfers,
  recruitmentOutlook,
  trackRecordCsv,
  trackRecordRows,
  trackingView,
  type RedistributionRules,
  type ReturnsState,
} from '../redistribution/index.ts';
import { createHighsEngine } from '../solver/highs-engine.ts';

function fail(issues: readonly DataIssue[] | string): never {
  const lines = typeof issues === 'string' ? [issues] : issues.map(describeIssue);
  for (const line of lines) console.error(line);
  process.exit(1);
}

function parseRules(text: string | undefined): RedistributionRules {
  const rules = { ...NO_RULES };
  for (const name of (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (name === 'over-recruitment') rules.overRecruitment = true;
    else if (name === 'tolerance') rules.toleranceBands = true;
    else fail(`--rules: unknown rule "${name}" (use over-recruitment, tolerance)`);
  }
  return rules;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      allocation: { type: 'string' },
      returns: { type: 'string', multiple: true },
      out: { type: 'string' },
      rules: { type: 'string' },
      'substitute-sciences': { type: 'boolean', default: false },
      'track-record': { type: 'string' },
    },
  });
  if (!values.allocation || !values.returns?.length || !values.out) {
    fail(
      'usage: npm run redistribute -- --allocation allocation.csv --returns returns.csv --out proposals.csv',
    );
  }
  const allocation = importAllocationCsv(
    readFileSync(values.allocation, 'utf8'),
    basename(values.allocation),
  );
  if (!allocation.ok) fail(allocation.issues);
  const { file } = allocation;
  const context = { partnershipCodes: [...new Set(file.lines.map((l) => l.partnershipCode))] };
  let returns: ReturnsState = EMPTY_RETURNS;
  for (const path of values.returns) {
    const result = importReturnsCsv(returns, readFileSync(path, 'utf8'), basename(path), context);
    if (!result.ok) fail(result.issues);
    returns = result.state;
  }
  const reached = latestMonthReached(returns);
  if (reached === null || reached.timePeriod !== file.timePeriod) {
    fail(`the returns hold no month of ${file.timePeriod}, the allocation's cycle`);
  }
  // The ledger lives only for this run and is never written, so a throwaway key signs it.
  const at = new Date().toISOString();
  const baseline = await appendStep(
    emptyLedgerState(file.timePeriod),
    baselineDraft(
      file.timePeriod,
      file.timePeriod,
      file.lines,
      { name: 'redistribute CLI', role: 'manager', partnershipCode: null },
      at,
      `Allocation from ${basename(values.allocation)}`,
    ),
    await generateActorKey(MANAGER_SIGNER, at),
  );
  if (!baseline.ok) fail(baseline.reason);

  const curves = chooseCurves(returns, file.timePeriod);
  const view = trackingView({
    returns,
    ledger: baseline.state,
    timePeriod: file.timePeriod,
    monthIndex: reached.monthIndex,
    curves: curves.curves,
    rules: parseRules(values.rules),
    capacities: file.capacities,
    needWeights: file.needWeights,
  });
  const engine = createHighsEngine(await highsLoader());
  const plan = proposeTransfers(
    view.cells,
    engine,
    `${file.timePeriod}-${String(reached.monthIndex).padStart(2, '0')}`,
    {
      ...DEFAULT_TRANSFER_OPTIONS,
      substitutionGroups: values['substitute-sciences'] ? [SCIENCE_SUBSTITUTION_GROUP] : [],
    },
  );
  if (plan.status !== 'optimal' && plan.status !== 'nothing-to-move')
    fail(`The transfer model was not solved: ${plan.detail}`);

  writeFileSync(
    values.out,
    `${proposalsToCsv(plan.proposals, file.timePeriod, reached.monthIndex)}\n`,
  );
  if (values['track-record']) {
    writeFileSync(
      values['track-record'],
      `${trackRecordCsv(trackRecordRows(returns, baseline.state, file.timePeriod))}\n`,
    );
  }
  const rates = fillRates(view.cells);
  const outlook = recruitmentOutlook(view.cells, plan.proposals);
  console.log(
    `Returns to the end of ${cycleMonthName(reached.monthIndex)} ${file.timePeriod}; ${curves.description}`,
  );
  console.log(
    `Region: ${rates.region.recruited} recruited of ${rates.region.allocation} places (${((rates.region.fillRate ?? 0) * 100).toFixed(1)}%).`,
  );
  if (view.missingReturns.length > 0)
    console.log(`No return this month for: ${view.missingReturns.join(', ')}`);
  console.log(
    plan.proposals.length === 0
      ? plan.detail
      : `${plan.proposals.length} proposals moving ${plan.placesMoved} places:`,
  );
  for (const proposal of plan.proposals) console.log(`- ${proposal.reason}`);
  console.log(
    `Expected regional recruitment: ${outlook.before.toFixed(1)} now, ${outlook.after.toFixed(1)} if all proposals are applied.`,
  );
  console.log(`Wrote ${values.out}`);
}

await main();
