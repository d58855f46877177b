/** secondary_subject_shares.csv: hours taught by subject (School Workforce Census 2024/25). */
import type { AcademicYear } from '../../src/data/academic-year.ts';
import { ACADEMIC_YEAR, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import { SECONDARY_SUBJECTS, type SecondarySubject } from '../../src/data/types.ts';
import { field, num, readSource } from './source.ts';
import { builtFile, filter, indicator, roundShares, type BuiltFile } from './tables.ts';

/**
 * The share of secondary hours taught in each TWM subject, rounded to 6 decimals so they sum to
 * 1; the shares returned are those written, which the illustrative plans split places by.
 */
export function buildSubjectShares(
  flows2026: Record<string, string>[],
  baseYear: AcademicYear,
): { shares: Map<SecondarySubject, number>; file: BuiltFile } {
  const hours = new Map(
    readSource('swc_hours_taught_by_subject_202425.csv').map((r) => [
      field(r, 'subject_taught'),
      num(r, 'hours_allyrs'),
    ]),
  );
  const h = (name: string) => {
    const v = hours.get(name);
    if (v === undefined) throw new Error(`hours for ${name} missing`);
    return v;
  };
  const shares = new Map<SecondarySubject, number>();
  const method = new Map<SecondarySubject, string>();
  const provenance = new Map<SecondarySubject, 'derived' | 'estimated'>();
  const direct: [SecondarySubject, string[]][] = [
    ['English', ['English']],
    ['Mathematics', ['Mathematics']],
    ['History', ['History']],
    ['Geography', ['Geography']],
    ['Religious Education', ['Religious Education']],
    ['Physical Education', ['PE/Sports']],
    ['Art and Design', ['Art & Design']],
    ['Drama', ['Drama']],
    ['Music', ['Music']],
    ['Business Studies', ['Business Studies']],
    ['Computing', ['Computer science', 'ICT']],
    ['Design and Technology', ['Design and technology - All', 'Other/Combined Technology']],
    ['Modern Foreign Languages', ['All Modern Languages']],
  ];
  for (const [subject, parts] of direct) {
    shares.set(
      subject,
      parts.reduce((a, p) => a + h(p), 0),
    );
    provenance.set(subject, 'derived');
    method.set(
      subject,
      `SWC 2024/25 hours taught (years 7-13) in ${parts.join(' + ')} / all hours.`,
    );
  }
  const separate = h('Physics') + h('Chemistry') + h('Biology');
  for (const science of ['Biology', 'Chemistry', 'Physics'] as const) {
    const own = h(science);
    shares.set(science, own + (h('General/Combined Science') * own) / separate);
    provenance.set(science, 'estimated');
    method.set(
      science,
      `SWC 2024/25 hours taught in ${science} plus its share of General/Combined Science hours, split in proportion to the separate-science hours (estimated).`,
    );
  }
  // Classics is not in the transcribed table: scale History's hours by the TWM inflows ratio.
  const inflow = (subject: string) =>
    flows2026
      .filter(
        (r) =>
          field(r, 'Subject') === subject &&
          field(r, 'Academic year') === baseYear &&
          ['Returners', 'New to state-funded sector entrants', 'Newly qualified entrants'].includes(
            field(r, 'Type'),
          ),
      )
      .reduce((a, r) => a + num(r, 'Value'), 0);
  const classicsRatio = inflow('Classics') / inflow('History');
  shares.set('Classics', h('History') * classicsRatio);
  provenance.set('Classics', 'estimated');
  method.set(
    'Classics',
    `Not in the transcribed SWC table: History hours x (Classics / History national TWM inflows in ${baseYear}: returners + new to sector + newly qualified entrants) = x${classicsRatio.toFixed(4)} (estimated).`,
  );
  const total = h('Total');
  const named = [...shares.values()].reduce((a, b) => a + b, 0);
  shares.set('Others', total - named);
  provenance.set('Others', 'estimated');
  method.set(
    'Others',
    'All remaining SWC 2024/25 hours (PSHE, other social studies, other sciences, media studies, citizenship, careers, other humanities, ...) = total hours minus the 17 named TWM subjects (estimated, as it absorbs the Classics estimate).',
  );
  const rounded = roundShares(
    new Map(SECONDARY_SUBJECTS.map((s) => [s, (shares.get(s) as number) / total])),
    6,
  );
  const file = builtFile(DATA_FILES.subjectShares, {
    columns: [...eesColumns('National'), 'subject', 'provenance', 'method', 'teaching_share'],
    meta: [
      filter('subject', 'Secondary subject (TWM subject group)'),
      filter('provenance', 'Provenance (derived / estimated)'),
      filter('method', 'How the share was obtained'),
      indicator('teaching_share', 'Share of secondary hours taught (fraction; sums to 1)', 6),
    ],
    rows: SECONDARY_SUBJECTS.map((subject) => ({
      time_period: '202425',
      time_identifier: ACADEMIC_YEAR,
      ...eesLocation('National'),
      subject,
      provenance: provenance.get(subject) as string,
      method: method.get(subject) as string,
      teaching_share: rounded.get(subject) as number,
    })),
  });
  return { shares: rounded, file };
}
