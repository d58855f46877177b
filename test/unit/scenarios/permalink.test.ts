import { describe, expect, it } from 'vitest';
import {
  decodePermalink,
  describePermalinkIssues,
  encodePermalink,
  loadFormulaParser,
  permalinkPayload,
  shippedScenarios,
  type Scenario,
} from '../../../src/scenarios/index.ts';

const edited: Scenario = {
  schemaVersion: 2,
  name: 'Physics at a third, ECT leaving 20% lower — “what if”',
  description: 'Long text that a link does not carry.',
  evidence: [{ statement: 's', source: 'x', provenance: 'illustrative' }],
  levers: {
    recruitmentShare: { Physics: { formula: 'max(1/3, 0.2 + 0.01 * t)' } },
    leaverRateMultipliers: { ect1: 0.8, ect2: 0.8 },
    pupilGrowthAdjustment: { primary: -0.012 },
  },
  run: { draws: 500, spread: 0.5, seed: -42 },
};

// `edited` is made here, not read by loadScenario, so its formula needs the parser loaded first.
await loadFormulaParser();
const shipped = await shippedScenarios();

describe('shareable links', () => {
  it.each([...shipped.map((s) => s.scenario), edited])(
    'round-trips "$name" exactly',
    async (scenario) => {
      const encoded = encodePermalink(scenario);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      const decoded = await decodePermalink(encoded);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      // decode(encode(x)) restores the whitelisted fields; encode(decode(link)) gives the link back.
      expect(decoded.payload).toEqual(permalinkPayload(scenario));
      expect(decoded.scenario.levers).toEqual(scenario.levers);
      expect(decoded.scenario.run).toEqual(scenario.run);
      expect(encodePermalink(decoded.scenario)).toBe(encoded);
    },
  );

  it('carries only the whitelisted fields', async () => {
    const decoded = await decodePermalink(encodePermalink(edited));
    expect(decoded.ok && Object.keys(decoded.payload).sort()).toEqual([
      'levers',
      'name',
      'run',
      'schemaVersion',
    ]);
    expect(decoded.ok && decoded.scenario.description).toBe('Opened from a shared link.');
    expect(decoded.ok && decoded.scenario.evidence).toBeUndefined();
  });

  const encodeRaw = (value: unknown) =>
    Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

  it('refuses a tampered link with a clear reason', async () => {
    const good = permalinkPayload(edited);
    const cases: [unknown, string][] = [
      [{ ...good, schemaVersion: 1 }, 'Shared link: schemaVersion: must be 2 (got 1)'],
      [
        { ...good, description: 'x' },
        'Shared link: description: is not a field of this schema version',
      ],
      [
        { ...good, levers: { returnerMultiplier: { formula: 'import("x")' } } },
        'Shared link: levers.returnerMultiplier.formula: "import("x")" is not allowed: only numbers, + - * / ^, min, max, year and t',
      ],
      [
        { ...good, levers: { leaverRateMultipliers: { ect1: 99 } } },
        'Shared link: levers.leaverRateMultipliers.ect1: must be between 0 and 3 (got 99)',
      ],
    ];
    for (const [value, message] of cases) {
      const decoded = await decodePermalink(encodeRaw(value));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(describePermalinkIssues(decoded.issues)).toEqual([message]);
    }
  });

  it('refuses damaged, foreign or oversized links', async () => {
    const encoded = encodePermalink(edited);
    for (const bad of [encoded.slice(0, -7), `${encoded}$`, 'bm90IGpzb24', 'A'.repeat(7000)]) {
      const decoded = await decodePermalink(bad);
      expect(decoded.ok, bad.slice(0, 20)).toBe(false);
      if (!decoded.ok)
        expect(decoded.issues[0]!.message).toMatch(/^the link is (damaged|too long)/);
    }
  });
});
