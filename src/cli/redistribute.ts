/**
 * Propose in-year transfers of ITT places from an allocation and monthly recruitment returns.
 *
 *   npm run redistribute -- --allocation allocation.csv --returns returns.csv --out proposals.csv
 *
 * The options are in REDISTRIBUTE_COMMAND (`--help`). The partnerships known are those in the
 * allocation file. Any problem in an input is reported with file, row, column and reason, and
 * nothing is written.
 */
import { systemClock } from '../data/clock.ts';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
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
import {
  CliError,
  EXIT_CODES,
  checkOutputs,
  parseOptions,
  readOptionFile,
  runCli,
  type CliCommand,
} from './cli.ts';

const COMMAND = {
  name: 'redistribute',
  run: 'npm run redistribute --',
  summary:
    'In-year transfer proposals of ITT places from an allocation and monthly recruitment returns, each with its reason.',
  options: {
    allocation: {
      type: 'string',
      value: 'file.csv',
      help: 'the allocation the cycle starts from (required)',
    },
    returns: {
      type: 'string',
      value: 'file.csv',
      multiple: true,
      help: 'monthly recruitment returns (required); past years, given too, fit the recruitment curve',
    },
    out: { type: 'string', value: 'file.csv', help: 'where to write the proposals (required)' },
    rules: {
      type: 'string',
      value: 'rule,rule',
      help: 'DfE 2016-2019 rules to switch on: over-recruitment, tolerance',
    },
    'substitute-sciences': {
      type: 'boolean',
      help: 'let Biology, Chemistry and Physics places substitute',
    },
    'track-record': {
      type: 'string',
      value: 'file.csv',
      help: 'also write recruited / allocated per partnership x subject',
    },
  },
} as const satisfies CliCommand;

function badInput(issues: readonly DataIssue[]): CliError {
  return new CliError(issues.map(describeIssue).join('\n'));
}

function parseRules(text: string | undefined): RedistributionRules {
  const rules = { ...NO_RULES };
  for (const name of (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (name === 'over-recruitment') rules.overRecruitment = true;
    else if (name === 'tolerance') rules.toleranceBands = true;
    else throw new CliError(`--rules: unknown rule "${name}" (use over-recruitment, tolerance)`);
  }
  return rules;
}

await runCli(COMMAND, async (argv) => {
  const { values } = parseOptions(COMMAND, argv);
  const missing = (['allocation', 'returns', 'out'] as const).filter((name) => !values[name]);
  if (missing.length > 0) {
    throw new CliError(
      `${missing.map((name) => `--${name}`).join(', ')} must be given (see --help)`,
    );
  }
  const allocationPath = values.allocation!;
  const out = values.out!;
  const trackRecord = values['track-record'];
  checkOutputs(
    [
      { flag: 'out', writes: [out] },
      ...(trackRecord ? [{ flag: 'track-record', writes: [trackRecord] }] : []),
    ],
    [
      { flag: 'allocation', path: allocationPath },
      ...values.returns!.map((path) => ({ flag: 'returns', path })),
    ],
  );
  const rules = parseRules(values.rules);
  const allocation = importAllocationCsv(
    readOptionFile('allocation', allocationPath),
    basename(allocationPath),
  );
  if (!allocation.ok) throw badInput(allocation.issues);
  const { file } = allocation;
  const context = {
    partnerships: [...new Map(file.lines.map((l) => [l.partnershipCode, l.partnershipName]))].map(
      ([code, name]) => ({ code, name }),
    ),
    today: systemClock(),
  };
  let returns: ReturnsState = EMPTY_RETURNS;
  for (const path of values.returns!) {
    const result = importReturnsCsv(
      returns,
      readOptionFile('returns', path),
      basename(path),
      context,
    );
    if (!result.ok) throw badInput(result.issues);
    returns = result.state;
  }
  const reached = latestMonthReached(returns);
  if (reached === null || reached.timePeriod !== file.timePeriod) {
    throw new CliError(`the returns hold no month of ${file.timePeriod}, the allocation's cycle`);
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
      `Allocation from ${basename(allocationPath)}`,
    ),
    await generateActorKey(MANAGER_SIGNER, at),
  );
  if (!baseline.ok) throw new CliError(baseline.reason);

  const curves = chooseCurves(returns, file.timePeriod);
  const view = trackingView({
    returns,
    ledger: baseline.state,
    timePeriod: file.timePeriod,
    monthIndex: reached.monthIndex,
    curves: curves.curves,
    rules,
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
  if (plan.status !== 'optimal' && plan.status !== 'nothing-to-move') {
    throw new CliError(
      `The transfer model was not solved: ${plan.detail}`,
      plan.status === 'infeasible' ? EXIT_CODES.infeasible : EXIT_CODES.failed,
    );
  }

  writeFileSync(out, `${proposalsToCsv(plan.proposals, file.timePeriod, reached.monthIndex)}\n`);
  if (trackRecord) {
    writeFileSync(
      trackRecord,
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
  console.log(`Wrote ${out}`);
});
