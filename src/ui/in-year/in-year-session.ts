/**
 * What the In-year page holds and does, apart from drawing it: the cycle's starting allocation,
 * the returns, the ledger and the settings, each persisted in IndexedDB, and every change
 * validated by the redistribution core before anything is kept. No DOM here, so it is tested
 * with fake-indexeddb.
 */
import { systemClock } from '../../data/clock.ts';
import { describeIssue } from '../../data/issues.ts';
import { decodeUtf8, notUtf8, type FileContent } from '../../data/utf8.ts';
import type { DataIssue, Partnership } from '../../data/types.ts';
import {
  DEFAULT_TRANSFER_OPTIONS,
  ENGLAND_BANK_HOLIDAYS,
  SCIENCE_SUBSTITUTION_GROUP,
  baselineDraft,
  chooseCurves,
  customCurve,
  enterReturn,
  exportLedger,
  importAllocationCsv,
  importLedger,
  MANAGER_SIGNER,
  publicKeyFile,
  readPublicKeyFile,
  signCheckpoint,
  importReturnsCsv,
  latestMonthReached,
  proposalDraft,
  returnsContextFor,
  stepDraft,
  trackingView,
  type Actor,
  type AllocationFile,
  type CurveChoice,
  type KeyRegistration,
  type LedgerDraft,
  type LedgerState,
  type ManualReturnInput,
  type RedistributionRules,
  type ReturnsContext,
  type ReturnsState,
  type Role,
  type TrackingView,
  type TransferOptions,
  type TransferProposal,
  type TransferTerms,
  type WorkflowEvent,
} from '../../redistribution/index.ts';
import type { TrustedManagerKey } from '../../storage/ledger-db.ts';
import { LedgerStore } from '../../storage/ledger-store.ts';
import { InYearStore, type InYearSettings } from '../../storage/in-year-store.ts';

export interface NamedText {
  fileName: string;
  /** The file's bytes as uploaded, or text already decoded. */
  text: FileContent;
}

/** The cycle the page starts from: an allocation file and returns files (past years first). */
export interface CycleSources {
  allocation: NamedText;
  returns: NamedText[];
  /** True for the bundled illustrative files. */
  illustrative: boolean;
}

export const MANAGER = 'manager';

export class InYearSession {
  private constructor(
    readonly allocation: AllocationFile,
    readonly context: ReturnsContext,
    private readonly partnerships: readonly Pick<Partnership, 'code' | 'name'>[],
    private readonly ledgerStore: LedgerStore,
    private readonly store: InYearStore,
    public returns: ReturnsState,
    public includesIllustrative: boolean,
    public loaded: string[],
    public ledger: LedgerState,
    public settings: InYearSettings,
  ) {}

  /** Opens the stores, loading the sources on first use; throws when a default file is bad. */
  static async open(
    sources: CycleSources,
    partnerships: readonly Pick<Partnership, 'code' | 'name'>[],
    stores: { ledger?: LedgerStore; inYear?: InYearStore } = {},
  ): Promise<InYearSession> {
    const parsed = importAllocationCsv(sources.allocation.text, sources.allocation.fileName);
    if (!parsed.ok) throw new Error(parsed.issues.map(describeIssue).join('\n'));
    const allocation = parsed.file;
    const context = returnsContextFor(partnerships, systemClock());
    const ledgerStore = stores.ledger ?? (await LedgerStore.open());
    const store = stores.inYear ?? (await InYearStore.open());
    const period = allocation.timePeriod;
    let held = await store.loadReturns(period);
    if (held === undefined) {
      let returns: ReturnsState = { returns: [] };
      for (const file of sources.returns) {
        const result = importReturnsCsv(returns, file.text, file.fileName, context);
        if (!result.ok) throw new Error(result.issues.map(describeIssue).join('\n'));
        returns = result.state;
      }
      held = {
        returns: [...returns.returns],
        includesIllustrative: sources.illustrative,
        loaded: sources.returns.map((f) => f.fileName),
      };
      await store.saveReturns(period, held);
    }
    const ledgerId = `in-year-${period}`;
    let ledger = await ledgerStore.load(ledgerId);
    if (ledger.entries.length === 0) {
      const draft = baselineDraft(
        ledgerId,
        period,
        allocation.lines,
        { name: 'Regional allocation manager', role: 'manager', partnershipCode: null },
        new Date().toISOString(),
        `Starting allocation from ${sources.allocation.fileName}${sources.illustrative ? ' (illustrative)' : ''}`,
      );
      const result = await ledgerStore.append(draft);
      if (!result.ok) throw new Error(result.reason);
      ledger = result.state;
    }
    return new InYearSession(
      allocation,
      context,
      partnerships,
      ledgerStore,
      store,
      { returns: held.returns },
      held.includesIllustrative,
      held.loaded,
      ledger,
      await store.loadSettings(period),
    );
  }

  get timePeriod(): string {
    return this.allocation.timePeriod;
  }

  /** Cycle months with returns for this cycle, in order. */
  monthsHeld(): number[] {
    const months = new Set(
      this.returns.returns.filter((r) => r.timePeriod === this.timePeriod).map((r) => r.monthIndex),
    );
    return [...months].sort((a, b) => a - b);
  }

  /** The month shown: the one chosen if returns exist for it, else the latest returned. */
  monthIndex(): number | null {
    const held = this.monthsHeld();
    const chosen = this.settings.monthIndex;
    if (chosen !== null && held.includes(chosen)) return chosen;
    const latest = latestMonthReached({
      returns: this.returns.returns.filter((r) => r.timePeriod === this.timePeriod),
    });
    return latest?.monthIndex ?? null;
  }

  rules(): RedistributionRules {
    return {
      overRecruitment: this.settings.overRecruitment,
      toleranceBands: this.settings.toleranceBands,
      stopNotices: this.settings.stopNotices,
      holidays: ENGLAND_BANK_HOLIDAYS,
    };
  }

  curveChoice(): CurveChoice {
    const shares = this.settings.curveShares;
    return chooseCurves(
      this.returns,
      this.timePeriod,
      shares === null ? undefined : customCurve(shares),
    );
  }

  transferOptions(): TransferOptions {
    return {
      ...DEFAULT_TRANSFER_OPTIONS,
      substitutionGroups: this.settings.substituteSciences ? [SCIENCE_SUBSTITUTION_GROUP] : [],
    };
  }

  /** Per-cell view of the month shown, or null when no return of this cycle is held. */
  view(): TrackingView | null {
    const monthIndex = this.monthIndex();
    if (monthIndex === null) return null;
    return trackingView({
      returns: this.returns,
      ledger: this.ledger,
      timePeriod: this.timePeriod,
      monthIndex,
      curves: this.curveChoice().curves,
      rules: this.rules(),
      capacities: this.allocation.capacities,
      needWeights: this.allocation.needWeights,
    });
  }

  /** Validates a whole returns file and keeps it only when every row is good. */
  async importReturns(file: NamedText): Promise<DataIssue[]> {
    const result = importReturnsCsv(this.returns, file.text, file.fileName, this.context);
    if (!result.ok) return result.issues;
    await this.keepReturns(result.state, file.fileName);
    return [];
  }

  async enterReturn(input: ManualReturnInput): Promise<DataIssue[]> {
    const result = enterReturn(this.returns, input, this.context);
    if (!result.ok) return result.issues;
    await this.keepReturns(
      result.state,
      `manual entry: ${input.partnershipCode} ${input.subject} ${input.month}`,
    );
    return [];
  }

  private async keepReturns(state: ReturnsState, source: string): Promise<void> {
    const loaded = [...this.loaded, source];
    await this.store.saveReturns(this.timePeriod, {
      returns: [...state.returns],
      includesIllustrative: this.includesIllustrative,
      loaded,
    });
    this.returns = state;
    this.loaded = loaded;
  }

  async updateSettings(change: Partial<InYearSettings>): Promise<void> {
    const settings = { ...this.settings, ...change };
    await this.store.saveSettings(this.timePeriod, settings);
    this.settings = settings;
  }

  partnershipName(code: string): string {
    return this.partnerships.find((p) => p.code === code)?.name ?? code;
  }

  /** Who is acting on a transfer, or null when the acting partnership is not a party to it. */
  actorFor(terms: Pick<TransferTerms, 'from' | 'to'> | null): Actor | null {
    const acting = this.settings.actingAs;
    const typed = this.settings.actorName.trim();
    if (acting === MANAGER) {
      return {
        name: typed || 'Regional allocation manager',
        role: 'manager',
        partnershipCode: null,
      };
    }
    let role: Role | null = null;
    if (terms?.from.partnershipCode === acting) role = 'donor';
    else if (terms?.to.partnershipCode === acting) role = 'recipient';
    if (role === null) return null;
    return { name: typed || `${this.partnershipName(acting)} lead`, role, partnershipCode: acting };
  }

  /** Records a proposal in the ledger (the manager puts it to the partnerships). */
  propose(proposal: TransferProposal, monthIndex: number): Promise<string | null> {
    const actor = this.actorFor(null);
    if (actor === null)
      return Promise.resolve('only the manager can put a proposal to the partnerships');
    return this.append(
      proposalDraft(
        this.ledger.ledgerId,
        proposal,
        this.timePeriod,
        monthIndex,
        actor,
        new Date().toISOString(),
      ),
    );
  }

  /** One workflow step on a transfer in the ledger; the reason it was refused, or null. */
  step(transferId: string, event: WorkflowEvent, why: string): Promise<string | null> {
    const record = this.ledger.transfers.get(transferId);
    if (record === undefined) return Promise.resolve(`transfer ${transferId} is not in the ledger`);
    const actor = this.actorFor(record.terms);
    if (actor === null) {
      return Promise.resolve(
        `${this.settings.actingAs} is not a party to this transfer: act as the donor, the recipient or the manager`,
      );
    }
    return this.append(
      stepDraft(this.ledger.ledgerId, transferId, event, actor, new Date().toISOString(), why),
    );
  }

  private async append(draft: LedgerDraft): Promise<string | null> {
    const result = await this.ledgerStore.append(draft);
    this.ledger = result.state;
    return result.ok ? null : result.reason;
  }

  /**
   * The ledger as a file. Exported by the manager from the browser holding the manager key
   * that registered the ledger's keys, it carries the manager's signed checkpoint, so it may
   * replace another copy; any other export is a copy to check and extend, never to replace.
   */
  async exportLedger(): Promise<string> {
    const at = new Date().toISOString();
    const manager = await this.ledgerStore.keys.held(MANAGER_SIGNER);
    const registered = this.ledger.keyList?.keys.some(
      (k) => k.keyId === manager?.keyId && k.actor === MANAGER_SIGNER,
    );
    const checkpoint =
      this.settings.actingAs === MANAGER && manager !== undefined && registered === true
        ? await signCheckpoint(this.ledger, manager, at)
        : null;
    return exportLedger(this.ledger, at, checkpoint);
  }

  /** Manager keys this browser trusts, for the page to show by fingerprint. */
  trustedManagerKeys(): Promise<TrustedManagerKey[]> {
    return this.ledgerStore.keys.trustedManagers();
  }

  /**
   * Verifies an exported ledger completely and, only then, stores it (see
   * LedgerStore.importVerified). `acceptManagerKeyId` is a manager key the user has said they
   * trust, having compared its fingerprint with the manager.
   */
  async importLedgerFile(
    file: NamedText,
    replace: boolean,
    acceptManagerKeyId: string | null = null,
  ): Promise<{ issues: DataIssue[]; untrustedManagerKey: KeyRegistration | null }> {
    const refuse = (message: string, untrustedManagerKey: KeyRegistration | null = null) => ({
      issues: [{ file: file.fileName, row: null, column: null, message }],
      untrustedManagerKey,
    });
    const result = await importLedger(file.text, file.fileName, {
      partnershipCodes: new Set(this.partnerships.map((p) => p.code)),
    });
    if (!result.ok) return { issues: result.issues, untrustedManagerKey: null };
    if (result.ledger.state.ledgerId !== this.ledger.ledgerId) {
      return refuse(
        `holds ledger ${result.ledger.state.ledgerId}, but this page tracks ${this.ledger.ledgerId}; nothing was changed`,
      );
    }
    const stored = await this.ledgerStore.importVerified(result.ledger, {
      replace,
      acceptManagerKeyId,
      at: new Date().toISOString(),
    });
    if (!stored.ok) return refuse(stored.reason, stored.untrustedManagerKey ?? null);
    this.ledger = stored.state;
    return { issues: [], untrustedManagerKey: null };
  }

  /** The acting person's public key as a file, for the manager to register. */
  async publicKeyFile(): Promise<{ fileName: string; text: string }> {
    const acting = this.settings.actingAs;
    const actor = acting === MANAGER ? MANAGER_SIGNER : acting;
    const key = await this.ledgerStore.keys.keyFor(actor, new Date().toISOString());
    return { fileName: `public-key-${actor}.json`, text: publicKeyFile(key) };
  }

  /** The manager registers a partnership's public key sent from its own browser. */
  async registerPublicKey(file: NamedText): Promise<DataIssue[]> {
    const refuse = (message: string): DataIssue[] => [
      { file: file.fileName, row: null, column: null, message },
    ];
    if (this.settings.actingAs !== MANAGER) {
      return refuse('was not registered: act as the regional allocation manager to register keys');
    }
    const decoded = decodeUtf8(file.text);
    if (!decoded.ok) return [notUtf8(file.fileName, decoded.line)];
    const at = new Date().toISOString();
    const read = await readPublicKeyFile(
      decoded.text,
      file.fileName,
      { partnershipCodes: new Set(this.partnerships.map((p) => p.code)) },
      at,
    );
    if (!read.ok) return read.issues;
    const result = await this.ledgerStore.registerPublicKey(
      this.ledger.ledgerId,
      read.registration,
      at,
    );
    if (!result.ok) return refuse(`was not registered: ${result.reason}`);
    this.ledger = result.state;
    return [];
  }
}
