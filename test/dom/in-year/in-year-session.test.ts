import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baselineDraft,
  cellKey,
  emptyLedgerState,
  exportLedger,
  type TransferProposal,
} from '../../../src/redistribution/index.ts';
import { appendSigned } from '../../fixtures/ledger/keys.ts';
import { parseCsv } from '../../../src/data/ees.ts';
import { LedgerStore } from '../../../src/storage/ledger-store.ts';
import { InYearSession, type CycleSources } from '../../../src/ui/in-year/in-year-session.ts';
import { InYearStore } from '../../../src/storage/in-year-store.ts';

const DATA = join(import.meta.dirname, '../../../data');
const read = (fileName: string) => ({ fileName, text: readFileSync(join(DATA, fileName), 'utf8') });
const SOURCES = {
  allocation: read('illustrative_allocation_202526.csv'),
  returns: [
    read('illustrative_recruitment_returns_202425.csv'),
    read('illustrative_recruitment_returns_202526.csv'),
  ],
  illustrative: true,
} satisfies CycleSources;
/** The partnerships of the illustrative allocation (the dataset's partnerships in the app). */
const PARTNERSHIPS = [
  ...new Map(
    parseCsv(SOURCES.allocation.text).rows.map((row) => [
      row.partnership_code!,
      { code: row.partnership_code!, name: row.partnership_name! },
    ]),
  ).values(),
];

let databases = 0;
/** Opens a session on fresh databases, and a way to reopen it on the same ones (a reload). */
async function fresh(): Promise<{ session: InYearSession; reopen: () => Promise<InYearSession> }> {
  databases += 1;
  const names = { ledger: `ledger-${databases}`, inYear: `in-year-${databases}` };
  const reopen = async () =>
    InYearSession.open(SOURCES, PARTNERSHIPS, {
      ledger: await LedgerStore.open(names.ledger),
      inYear: await InYearStore.open(names.inYear),
    });
  return { session: await reopen(), reopen };
}

const maths: TransferProposal = {
  id: '202526-06:S21:Mathematics>S18:Mathematics',
  from: {
    partnershipCode: 'S21',
    partnershipName: 'Sheffield Hallam University',
    subject: 'Mathematics',
  },
  to: {
    partnershipCode: 'S18',
    partnershipName: 'University of Sheffield',
    subject: 'Mathematics',
  },
  places: 2,
  expectedGain: 1.1,
  weightedGain: 1.1,
  reason: 'S21 will not fill them; S18 has candidates.',
};

function allocationOf(session: InYearSession, code: string, subject: string): number | undefined {
  return session.view()?.cells.find((c) => c.partnershipCode === code && c.subject === subject)
    ?.allocation;
}

describe('InYearSession', () => {
  it('opens on the illustrative cycle with one baseline entry, also after a reload', async () => {
    const { session, reopen } = await fresh();
    expect(session.timePeriod).toBe('202526');
    expect(session.monthsHeld()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(session.monthIndex()).toBe(6);
    expect(session.ledger.entries).toHaveLength(1);
    // 78 partnership subjects; the allocation file's places add up to 930.
    const baseline = session.ledger.entries[0]!.action;
    expect(baseline.type === 'baseline' && baseline.allocations.length).toBe(78);
    expect([...session.ledger.allocations.values()].reduce((s, a) => s + a.places, 0)).toBe(930);
    expect(session.view()!.cells).toHaveLength(78);
    // A past cycle is complete, so the curve is fitted rather than the default.
    expect(session.curveChoice().description).toMatch(/^Fitted from 1 past year/);
    const again = await reopen();
    expect(again.ledger.entries).toHaveLength(1);
    expect(again.ledger.headHash).toBe(session.ledger.headHash);
  });

  it('refuses a bad returns file naming row and column, and keeps the returns held', async () => {
    const { session, reopen } = await fresh();
    const held = session.returns;
    const header = SOURCES.returns[1]!.text.split('\n')[0]!;
    const text = `${header}\n202526,April,Regional,E92000001,England,S21,Sheffield Hallam University,Physics,10,9,12,5,0,illustrative\n`;
    const issues = await session.importReturns({ fileName: 'april.csv', text });
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'april.csv',
        row: 2,
        column: 'offers_count',
        message: expect.stringContaining('exceed applications'),
      }),
    ]);
    expect(session.returns).toBe(held);
    expect((await reopen()).monthsHeld()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps a good return typed in, and shows its month after a reload', async () => {
    const { session, reopen } = await fresh();
    const issues = await session.enterReturn({
      timePeriod: '202526',
      month: 'April',
      partnershipCode: 'S21',
      partnershipName: 'Sheffield Hallam University',
      subject: 'Physics',
      allocation: 10,
      applications: 20,
      offers: 9,
      recruited: 7,
      withdrawn: 1,
    });
    expect(issues).toEqual([]);
    expect(session.monthsHeld()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const again = await reopen();
    expect(again.monthIndex()).toBe(7);
    // April has one return, so the view has one cell, and the others are reported missing.
    expect(
      again.view()!.cells.map((c) => `${c.partnershipCode} ${c.subject} ${c.recruited}`),
    ).toEqual(['S21 Physics 7']);
    expect(again.view()!.missingReturns).toHaveLength(77);
    await again.updateSettings({ monthIndex: 6 });
    expect((await reopen()).monthIndex()).toBe(6);
  });

  it('applies the rules switched on to limits and closes subjects under a stop notice', async () => {
    const { session, reopen } = await fresh();
    const s21Maths = () =>
      session
        .view()!
        .cells.find((c) => c.partnershipCode === 'S21' && c.subject === 'Mathematics')!;
    expect(s21Maths().limit).toBe(33);
    // Tolerance bands: 33 places is in the 25-34 band, +3.
    await session.updateSettings({ toleranceBands: true });
    expect(s21Maths().limit).toBe(36);
    // Notice on Thursday 20 March 2025 closes Physics five working days later, Thursday 27
    // March, before the end of the March returns (31 March).
    await session.updateSettings({
      stopNotices: [{ subject: 'Physics', partnershipCode: null, noticeDate: '2025-03-20' }],
    });
    const physics = session.view()!.cells.filter((c) => c.subject === 'Physics');
    expect(physics.length).toBeGreaterThan(1);
    expect(physics.every((c) => !c.open && c.forecast.p90 === c.recruited)).toBe(true);
    // A notice on 26 March closes on 2 April: still open at the end of March.
    await session.updateSettings({
      stopNotices: [{ subject: 'Physics', partnershipCode: null, noticeDate: '2025-03-26' }],
    });
    expect(
      session
        .view()!
        .cells.filter((c) => c.subject === 'Physics')
        .every((c) => c.open),
    ).toBe(true);
    const again = await reopen();
    expect(again.rules()).toMatchObject({ toleranceBands: true, overRecruitment: false });
    expect(again.rules().stopNotices).toHaveLength(1);
  });

  it('takes a transfer through the workflow, only with the right roles, and keeps it', async () => {
    const { session, reopen } = await fresh();
    expect(await session.propose(maths, 6)).toBeNull();
    const id = maths.id;

    await session.updateSettings({ actingAs: 'S18' });
    // S18 is the recipient: it cannot agree for the donor.
    expect(session.actorFor(session.ledger.transfers.get(id)!.terms)?.role).toBe('recipient');
    expect(await session.step(id, 'donor-agree', '')).toMatch(/cannot donor-agree|only the donor/);
    await session.updateSettings({ actingAs: '2F1' });
    expect(await session.step(id, 'donor-agree', '')).toMatch(/not a party/);

    await session.updateSettings({ actingAs: 'S21', actorName: 'Ann Lead' });
    expect(await session.step(id, 'donor-agree', 'We will not fill them')).toBeNull();
    await session.updateSettings({ actingAs: 'S18', actorName: '' });
    expect(await session.step(id, 'recipient-agree', '')).toBeNull();
    await session.updateSettings({ actingAs: 'manager' });
    expect(await session.step(id, 'approve', '')).toBeNull();
    expect(allocationOf(session, 'S21', 'Mathematics')).toBe(33);
    expect(await session.step(id, 'apply', '')).toBeNull();
    expect(allocationOf(session, 'S21', 'Mathematics')).toBe(31);
    expect(allocationOf(session, 'S18', 'Mathematics')).toBe(36);

    const again = await reopen();
    expect(again.ledger.transfers.get(id)?.status).toBe('applied');
    expect(again.ledger.entries.map((e) => e.action.type)).toEqual([
      'baseline',
      'propose',
      'donor-agree',
      'recipient-agree',
      'approve',
      'apply',
    ]);
    expect(again.ledger.entries[2]!.actor).toEqual({
      name: 'Ann Lead',
      role: 'donor',
      partnershipCode: 'S21',
    });
    expect(again.settings.actingAs).toBe('manager');
    // Undo is a compensating entry: the places go back, the history stays.
    expect(await again.step(id, 'undo', '')).toMatch(/reason/);
    expect(await again.step(id, 'undo', 'Agreed in error')).toBeNull();
    expect(again.ledger.allocations.get(cellKey('S21', 'Mathematics'))?.places).toBe(33);
    expect(again.ledger.entries).toHaveLength(7);
  });

  it('refuses tampered, truncated and foreign ledger files, and accepts its own export', async () => {
    const { session } = await fresh();
    await session.propose(maths, 6);
    const exported = await session.exportLedger();
    const head = session.ledger.headHash;
    const message = async (fileName: string, text: string, replace = true) =>
      (await session.importLedgerFile({ fileName, text }, replace)).issues[0]?.message ??
      'imported';

    const tampered = JSON.parse(exported) as {
      entries: { action: { transfer?: { places: number } } }[];
    };
    tampered.entries[1]!.action.transfer!.places = 20;
    expect(await message('t.json', JSON.stringify(tampered))).toContain('entry 2 has been altered');
    expect(await message('c.json', exported.slice(0, 900))).toMatch(/the file is cut short/);

    const otherCycle = await appendSigned(
      emptyLedgerState('in-year-202425'),
      baselineDraft(
        'in-year-202425',
        '202425',
        [],
        { name: 'M', role: 'manager', partnershipCode: null },
        '2024-09-01T00:00:00Z',
        'Last year',
      ),
    );
    const foreign = exportLedger(otherCycle.state, '2025-01-01T00:00:00Z');
    expect(await message('f.json', foreign)).toBe(
      'holds ledger in-year-202425, but this page tracks in-year-202526; nothing was changed',
    );
    expect(session.ledger.headHash).toBe(head);
    // Its own export changes nothing: the ledger held already has every entry.
    expect(await message('own.json', exported, false)).toBe('imported');
    expect(session.ledger.headHash).toBe(head);
  });

  it('takes another browser’s ledger only with its manager key accepted and its checkpoint', async () => {
    const { session } = await fresh();
    const other = await fresh();
    await other.session.propose(maths, 6);
    await other.session.updateSettings({ actingAs: 'S21' });
    const fromPartnership = await other.session.exportLedger();
    await other.session.updateSettings({ actingAs: 'manager' });
    const fromManager = await other.session.exportLedger();
    const head = session.ledger.headHash;

    const unknown = await session.importLedgerFile({ fileName: 'o.json', text: fromManager }, true);
    expect(unknown.issues[0]!.message).toMatch(/manager key this browser does not know/);
    const key = unknown.untrustedManagerKey!;
    expect(key.actor).toBe('manager');
    expect(session.ledger.headHash).toBe(head);

    // Accepted, but a partnership's export has no manager checkpoint: it cannot replace.
    const noCheckpoint = await session.importLedgerFile(
      { fileName: 'p.json', text: fromPartnership },
      true,
      key.keyId,
    );
    expect(noCheckpoint.issues[0]!.message).toMatch(
      /^The file has no checkpoint signed by the manager/,
    );
    expect(session.ledger.headHash).toBe(head);

    const replaced = await session.importLedgerFile(
      { fileName: 'o.json', text: fromManager },
      true,
      key.keyId,
    );
    expect(replaced.issues).toEqual([]);
    expect(session.ledger.entries).toHaveLength(2);
    expect((await session.trustedManagerKeys()).map((k) => k.how).sort()).toEqual([
      'accepted by fingerprint',
      'made in this browser',
    ]);
  });

  it('signs every step with the key of whoever acts, registered by the manager', async () => {
    const { session, reopen } = await fresh();
    await session.propose(maths, 6);
    await session.updateSettings({ actingAs: 'S21' });
    expect(await session.step(maths.id, 'donor-agree', '')).toBeNull();
    const again = await reopen();
    const list = again.ledger.keyList!;
    expect(list.keys.map((k) => k.actor)).toEqual(['manager', 'S21']);
    const signers = again.ledger.entries.map(
      (e) => list.keys.find((k) => k.keyId === e.keyId)?.actor,
    );
    expect(signers).toEqual(['manager', 'manager', 'S21']);
  });

  it('registers a partnership key made in another browser, so its steps verify everywhere', async () => {
    const managerBrowser = (await fresh()).session;
    const partnerBrowser = (await fresh()).session;
    await managerBrowser.propose(maths, 6);
    const handOver = async (from: InYearSession, to: InYearSession, replace: boolean) => {
      const result = await to.importLedgerFile(
        { fileName: 'ledger.json', text: await from.exportLedger() },
        replace,
      );
      if (result.untrustedManagerKey === null) return result.issues;
      return (
        await to.importLedgerFile(
          { fileName: 'ledger.json', text: await from.exportLedger() },
          replace,
          result.untrustedManagerKey.keyId,
        )
      ).issues;
    };
    expect(await handOver(managerBrowser, partnerBrowser, true)).toEqual([]);

    // The partnership's own key is not registered yet: its step is refused.
    await partnerBrowser.updateSettings({ actingAs: 'S21' });
    expect(await partnerBrowser.step(maths.id, 'donor-agree', '')).toMatch(
      /^this browser's key for S21 \([0-9a-f ]+\) is not registered with the manager/,
    );
    const keyFile = await partnerBrowser.publicKeyFile();
    expect(keyFile.fileName).toBe('public-key-S21.json');

    // Only the manager registers keys, only of the region's partnerships, only unaltered.
    await managerBrowser.updateSettings({ actingAs: 'S18' });
    expect((await managerBrowser.registerPublicKey(keyFile))[0]!.message).toMatch(
      /act as the regional allocation manager/,
    );
    await managerBrowser.updateSettings({ actingAs: 'manager' });
    const evil = keyFile.text.replace('"actor": "S21"', '"actor": "EVIL"');
    expect((await managerBrowser.registerPublicKey({ ...keyFile, text: evil }))[0]!.message).toBe(
      "the file holds the key of EVIL, which is not in the region's partnership file",
    );
    const altered = keyFile.text.replace(/"keyId": "[0-9a-f]/, '"keyId": "x');
    expect(
      (await managerBrowser.registerPublicKey({ ...keyFile, text: altered }))[0]!.message,
    ).toMatch(/keyId must be a SHA-256 hex digest/);
    expect(await managerBrowser.registerPublicKey(keyFile)).toEqual([]);
    expect(managerBrowser.ledger.keyList!.keys.map((k) => k.actor)).toEqual(['manager', 'S21']);
    // The partnership's browser does not hold the manager key, so it cannot register keys.
    await partnerBrowser.updateSettings({ actingAs: 'manager' });
    expect((await partnerBrowser.registerPublicKey(keyFile))[0]!.message).toMatch(
      /this browser does not hold that key/,
    );

    // With the new key list, the partnership's step is signed and verifies in the manager's browser.
    expect(await handOver(managerBrowser, partnerBrowser, false)).toEqual([]);
    await partnerBrowser.updateSettings({ actingAs: 'S21' });
    expect(await partnerBrowser.step(maths.id, 'donor-agree', 'We will not fill them')).toBeNull();
    expect(await handOver(partnerBrowser, managerBrowser, false)).toEqual([]);
    expect(managerBrowser.ledger.transfers.get(maths.id)?.status).toBe('donor-agreed');
  });
});
