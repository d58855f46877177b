import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { entryHash, keyFingerprint, type LedgerEntry } from '../../src/redistribution/index.ts';
import {
  axeViolations,
  baseUrl,
  launchBrowser,
  openDetails,
  screenshot,
  watchPage,
} from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh context per test: IndexedDB (returns, settings, ledger) starts empty. */
async function openInYear(): Promise<{
  context: BrowserContext;
  page: Page;
  watched: ReturnType<typeof watchPage>;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watched = watchPage(page);
  await page.goto(`${baseUrl()}/in-year`);
  await page.locator('tsp-tracking-table tbody tr').first().waitFor();
  // Proposals (and the flags that come with them) arrive from the solver worker.
  await page.locator('[data-proposal-id]').first().waitFor({ timeout: 30_000 });
  return { context, page, watched };
}

/** Text of the allocation cell of one partnership x subject row of the tracking table. */
function allocationCell(page: Page, code: string, subject: string): Promise<string> {
  return page.locator('tsp-tracking-table tbody tr').evaluateAll(
    (rows, [wanted, subjectName]) => {
      const row = rows.find(
        (r) =>
          r.querySelector('th')?.textContent?.includes(`(${wanted})`) &&
          r.querySelectorAll('td')[0]?.textContent?.trim() === subjectName,
      );
      return row?.querySelectorAll('td')[1]?.textContent?.trim() ?? 'row not found';
    },
    [code, subject] as const,
  );
}

async function actAs(page: Page, value: string): Promise<void> {
  await page.selectOption('#tsp-acting-as', value);
  await page.waitForFunction(
    (v) =>
      document.querySelector('[role="status"][aria-live]')?.textContent?.includes('Acting as') &&
      (document.querySelector('#tsp-acting-as') as HTMLSelectElement | null)?.value === v,
    value,
  );
}

describe('In-year page', () => {
  it('takes a proposed transfer through agreement and approval, and keeps it after a reload', async () => {
    const { context, page, watched } = await openInYear();
    expect(await page.locator('tsp-tracking-table tbody tr').count()).toBeGreaterThan(50);
    expect(await page.locator('tsp-tracking-table progress').count()).toBeGreaterThan(50);
    expect(await page.locator('main, body').first().textContent()).toContain('ILLUSTRATIVE');

    const proposal = page.locator('[data-proposal-id]').first();
    const id = (await proposal.getAttribute('data-proposal-id'))!;
    // Ids read <prefix>:<donor code>:<donor subject>><recipient code>:<recipient subject>.
    const [, donor, donorSubject] = id.split('>')[0]!.split(':') as [string, string, string];
    const recipient = id.split('>')[1]!.split(':')[0]!;
    const before = await allocationCell(page, donor, donorSubject);
    expect(before).toMatch(/^\d+$/);
    expect(await page.locator('tsp-tracking-table').textContent()).toMatch(/Releasable: \d+/);

    await proposal.getByRole('button', { name: /Put to the partnerships/ }).click();
    const card = page.locator(`[data-transfer-id="${id}"]`);
    await card.waitFor();
    expect(await card.locator('.govuk-tag').textContent()).toContain('Waiting for the donor');

    await actAs(page, donor);
    await card.getByRole('button', { name: /Agree as donor/ }).click();
    await card.locator('.govuk-tag', { hasText: 'Donor agreed' }).waitFor();

    await actAs(page, recipient);
    await card.getByRole('button', { name: /Agree as recipient/ }).click();
    await card.locator('.govuk-tag', { hasText: 'Both agreed' }).waitFor();

    await actAs(page, 'manager');
    await card.getByRole('button', { name: /^Approve/ }).click();
    await card.locator('.govuk-tag', { hasText: 'Approved' }).waitFor();
    await card.getByRole('button', { name: /Apply to allocations/ }).click();
    await card.locator('.govuk-tag', { hasText: 'Applied' }).waitFor();

    const places = Number(
      (await card.locator('h3').first().textContent())?.match(/Move (\d+)/)?.[1],
    );
    // The tag and the tracking table re-render separately: wait for the table's state.
    const after = `${Number(before) - places} (was ${before})`;
    await expect.poll(() => allocationCell(page, donor, donorSubject)).toBe(after);
    await expect
      .poll(() => page.locator('[data-testid="kpis"]').textContent())
      .toMatch(new RegExp(`Places moved by applied transfers\\s*${places}`));
    const ledgerRows = page.locator('tsp-ledger-view tbody tr');
    await expect.poll(() => ledgerRows.count()).toBe(6);
    expect(await ledgerRows.nth(2).textContent()).toContain(`(donor, ${donor})`);
    await screenshot(page, 'in-year-applied');

    await page.reload();
    await page.locator(`[data-transfer-id="${id}"] .govuk-tag`, { hasText: 'Applied' }).waitFor();
    await expect.poll(() => allocationCell(page, donor, donorSubject)).toBe(after);
    await expect.poll(() => ledgerRows.count()).toBe(6);
    expect(await page.locator('#tsp-acting-as').inputValue()).toBe('manager');
    // The applied transfer can be undone by the manager, as a compensating entry.
    expect(
      await page
        .locator(`[data-transfer-id="${id}"]`)
        .getByRole('button', { name: /^Undo/ })
        .count(),
    ).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await context.close();
  });

  it('refuses a malformed returns file and a tampered ledger, changing nothing', async () => {
    const { context, page, watched } = await openInYear();
    const table = page.locator('tsp-tracking-table tbody');
    const tableBefore = await table.textContent();

    const header =
      'time_period,time_identifier,geographic_level,country_code,country_name,partnership_code,partnership_name,subject,allocation_count,applications_count,offers_count,recruited_count,withdrawn_count';
    const bad = [
      header,
      '202526,April,Regional,E92000001,England,S21,Sheffield Hallam University,Mathematics,33,40,12,10,0',
      '202526,April,Regional,E92000001,England,S21,Sheffield Hallam University,English,32,30,lots,9,0',
    ].join('\n');
    await openDetails(page, 'Load or correct returns');
    await page.setInputFiles('#tsp-returns-file', {
      name: 'bad_returns.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    await page.getByRole('button', { name: 'Upload returns' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    // The file is named once, in the title; each item says where, what is wrong and what to do.
    expect(await summary.locator('.govuk-error-summary__title').textContent()).toContain(
      'bad_returns.csv was not used: nothing has changed',
    );
    expect(await summary.locator('li').first().textContent()).toContain(
      'Line 3, column offers_count: "lots" is not a number written in digits. Enter',
    );
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      )
      .toBe(true);
    expect(await table.textContent()).toBe(tableBefore);
    expect(await page.locator('#tsp-in-year-month option').allTextContents()).not.toContain(
      'April',
    );
    await screenshot(page, 'in-year-bad-returns');
    expect(await axeViolations(page)).toEqual([]);

    await openDetails(page, 'export and import');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the ledger (JSON)' }).click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported) as { entries: { why: string }[] };
    file.entries[0]!.why = 'A different starting allocation';
    await page.setInputFiles('#tsp-ledger-file', {
      name: 'tampered-ledger.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: 'Import the ledger' }).click();
    await summary
      .locator('.govuk-error-summary__title', { hasText: 'tampered-ledger.json was not used' })
      .waitFor();
    expect(await summary.textContent()).toContain('Entry 1 has been altered');

    await page.setInputFiles('#tsp-ledger-file', {
      name: 'cut-ledger.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported.slice(0, exported.length / 2)),
    });
    await page.getByRole('button', { name: 'Import the ledger' }).click();
    await summary
      .locator('.govuk-error-summary__title', { hasText: 'cut-ledger.json was not used' })
      .waitFor();
    expect(await summary.textContent()).toContain('the file is cut short');
    expect(await page.locator('tsp-ledger-view tbody tr').count()).toBe(1);
    expect(await table.textContent()).toBe(tableBefore);

    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await context.close();
  });

  it('refuses a re-signed forgery, and takes another browser’s ledger once its manager key is accepted by fingerprint', async () => {
    // Browser A: the manager puts a proposal to the partnerships and exports the ledger.
    const a = await openInYear();
    await a.page
      .locator('[data-proposal-id]')
      .first()
      .getByRole('button', { name: /Put to the partnerships/ })
      .click();
    await a.page.locator('[data-transfer-id]').first().waitFor();
    await openDetails(a.page, 'export and import');
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.getByRole('button', { name: 'Export the ledger (JSON)' }).click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported) as {
      keyList: { signedBy: string };
      checkpoint: unknown;
      headHash: string;
      entries: LedgerEntry[];
    };
    expect(file.checkpoint).not.toBeNull();

    // A forger moves the proposal to EVIL and re-seals every hash: the signature gives it away.
    const forged = structuredClone(file);
    const proposed = forged.entries[1]!.action as { transfer: { to: { partnershipCode: string } } };
    proposed.transfer.to.partnershipCode = 'EVIL';
    forged.entries[1]!.hash = await entryHash(forged.entries[1]!);
    forged.headHash = forged.entries[1]!.hash;
    await a.page.setInputFiles('#tsp-ledger-file', {
      name: 'forged-ledger.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(forged)),
    });
    await a.page.getByRole('button', { name: 'Import the ledger' }).click();
    const summaryA = a.page.locator('.govuk-error-summary');
    await summaryA
      .locator('.govuk-error-summary__title', {
        hasText: 'forged-ledger.json was not used: nothing has changed',
      })
      .waitFor();
    expect(await summaryA.textContent()).toContain(
      'Entry 2 has a signature that does not match its contents',
    );
    expect(await a.page.locator('tsp-ledger-view tbody tr').count()).toBe(2);
    await a.context.close();

    // Browser B knows nothing of A's manager key: it shows the fingerprint and asks.
    const b = await openInYear();
    const fingerprint = keyFingerprint(file.keyList.signedBy);
    const importIntoB = async () => {
      await b.page.setInputFiles('#tsp-ledger-file', {
        name: 'manager-ledger.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exported),
      });
      await b.page.getByRole('button', { name: 'Import the ledger' }).click();
    };
    await openDetails(b.page, 'export and import');
    await b.page.check('#tsp-ledger-replace');
    await importIntoB();
    const summaryB = b.page.locator('.govuk-error-summary');
    await summaryB.locator('li', { hasText: 'does not know' }).waitFor();
    expect(await summaryB.textContent()).toContain(`fingerprint ${fingerprint}`);
    expect(await b.page.locator('tsp-ledger-view tbody tr').count()).toBe(1);
    const trust = b.page.locator('#tsp-ledger-trust');
    await trust.waitFor();
    expect(await b.page.locator('label[for="tsp-ledger-trust"]').textContent()).toContain(
      fingerprint,
    );
    expect(await axeViolations(b.page)).toEqual([]);
    await screenshot(b.page, 'in-year-unknown-manager-key');

    await trust.check();
    await importIntoB();
    await b.page
      .locator('.govuk-notification-banner', { hasText: 'manager-ledger.json' })
      .waitFor();
    await expect.poll(() => b.page.locator('tsp-ledger-view tbody tr').count()).toBe(2);
    const signedRow = await b.page.locator('tsp-ledger-view tbody tr').nth(1).textContent();
    expect(signedRow?.replace(/\s+/g, ' ')).toContain(
      `Regional allocation manager, key ${fingerprint}`,
    );
    const trusted = await b.page.locator('[data-testid="trusted-manager-keys"]').textContent();
    expect(trusted?.replace(/\s+/g, ' ')).toContain(`${fingerprint}, accepted by fingerprint`);
    expect(await axeViolations(b.page)).toEqual([]);
    expect(b.watched.errors).toEqual([]);
    expect(b.watched.foreignRequests).toEqual([]);
    await b.context.close();
  });
});
