/**
 * itt_nqt_first_post_distance.csv: the compendium's published first-post distances, joined to
 * the region's partnerships; the employment footprints are checked against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { describeIssue } from '../../../src/data/issues.ts';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-reader.ts';
import { nqtFirstPostDistances } from '../../../src/data/registry/itt.ts';
import { validateTable } from '../../../src/data/schemas.ts';
import { loadReal, readerWith } from './helpers.ts';

const path = nqtFirstPostDistances.path;
const text = readFileSync(join(DEFAULT_DATA_DIR, path), 'utf8');
const rows =
  validateTable(nqtFirstPostDistances.table, text, path).table?.rows.map((r) => r.value) ?? [];

describe('NQT first-post distances', () => {
  it('holds the published rows: 78 providers and 6 regions', () => {
    expect(rows.filter((r) => r.geographic_level === 'Provider')).toHaveLength(78);
    // Compendium 3, Yorkshire and The Humber page: all providers 46% within 25 km, 14% over
    // 100 km; University of Sheffield 51% / 18%; Doncaster ITT Partnership 88% / 2% (no longer
    // accredited, so not a partnership of the region).
    expect(
      rows.find((r) => r.geographic_level === 'Regional' && r.region_code === 'E12000003'),
    ).toMatchObject({
      first_post_within_25km_percent: 46,
      first_post_over_100km_percent: 14,
    });
    expect(rows.find((r) => r.provider_name === 'University of Sheffield')).toMatchObject({
      partnership_code: 'S18',
      first_post_within_25km_percent: 51,
      first_post_over_100km_percent: 18,
    });
    expect(
      rows.find((r) => r.provider_name === 'Doncaster ITT Partnership')?.partnership_code,
    ).toBeNull();
  });

  it('agrees with the footprint method of every partnership it names', async () => {
    const { dataset } = await loadReal();
    const linked = rows.filter((r) => r.partnership_code !== null);
    expect(linked.map((r) => r.partnership_code).sort()).toEqual([
      'D39',
      'H60',
      'L79',
      'N91',
      'S18',
      'S21',
    ]);
    for (const row of linked) {
      const partnership = dataset.partnerships.find((p) => p.code === row.partnership_code);
      expect(partnership?.footprintMethod).toContain(
        `its own Teachers Analysis Compendium 3 row (${row.first_post_within_25km_percent}% of NQTs' first posts within 25 km, ${row.first_post_over_100km_percent}% over 100 km)`,
      );
    }
  });

  it('refuses a partnership code that is not a partnership of the region, naming row and column', async () => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(',University of Sheffield,S18,'));
    lines[line] = (lines[line] ?? '').replace(',S18,', ',S99,');
    const { dataset: previous } = await loadReal();
    const { dataset, issues } = await loadRegionDataset(
      readerWith({ [path]: lines.join('\n') }),
      previous,
    );
    expect(issues.map(describeIssue)).toEqual([
      `${path}, line ${line + 1}, column partnership_code: "S99" is not a partnership in itt_partnerships.csv`,
    ]);
    expect(dataset).toEqual(previous);
  });
});
