/**
 * Who a partnership's partner schools are, and what share of each school's need it serves.
 *
 * Public data name each accredited provider's training partners (lead schools, SCITTs) but
 * not the schools that employ its trainees, so the list comes from one of two places:
 * - the partnership supplies it (an imported list of URNs, with a share when it shares a
 *   school with another partnership), provenance 'imported';
 * - by default, an ILLUSTRATIVE assignment made up deterministically from the GIAS schools
 *   (`defaultPartnerSchools`), provenance 'illustrative', to be labelled so wherever shown.
 *
 * Shares: a school's need is split between the partnerships linked to it. A declared share
 * is used as given; links without one split what the declared shares leave equally (so a
 * school linked to k partnerships with no shares gives each 1/k). Whatever is not assigned
 * (a school with no link, or declared shares summing below 1) belongs to the regional pool
 * for schools not engaged with any partnership. Shares of one school never exceed 1 in
 * total, so no school is counted twice.
 */
import { sequentialUniforms } from '../model/random.ts';
import type { Partnership, Phase, Provenance, School, SubjectGroup } from '../data/types.ts';

export interface PartnerSchoolLink {
  partnershipCode: string;
  schoolUrn: string;
  /** Declared share (0, 1] of the school's need this partnership serves; null = split equally. */
  share: number | null;
  provenance: Provenance;
}

export interface PartnerSchoolAssignment {
  links: readonly PartnerSchoolLink[];
  /** Plain-English method, shown beside the partner-school list. */
  method: string;
}

/** Pupils a school counts in each phase (0 when it has no count or is outside both phases). */
export type PhasePupils = Record<Phase, number>;

/**
 * All-through schools report one pupil count. Their primary part is estimated from year
 * groups: Reception to Year 6 is 7 of the 12 compulsory year groups, Years 7 to 11 are 5
 * (sixth forms are ignored, as GIAS does not separate them).
 */
export const ALL_THROUGH_PRIMARY_SHARE = 7 / 12;

/**
 * A school's pupils by phase. GIAS phases: Primary and Middle deemed primary count as
 * primary; Secondary and Middle deemed secondary as secondary; All-through is split (see
 * ALL_THROUGH_PRIMARY_SHARE). Nursery, 16 plus and Not applicable (special schools, pupil
 * referral units, independent schools) are outside the model's two phases and count 0.
 */
export function schoolPhasePupils(school: Pick<School, 'phase' | 'pupils'>): PhasePupils {
  const pupils =
    school.pupils !== null && Number.isFinite(school.pupils) && school.pupils > 0
      ? school.pupils
      : 0;
  const phase = school.phase.toLowerCase();
  if (phase.startsWith('all')) {
    return {
      primary: pupils * ALL_THROUGH_PRIMARY_SHARE,
      secondary: pupils * (1 - ALL_THROUGH_PRIMARY_SHARE),
    };
  }
  if (phase.includes('primary')) return { primary: pupils, secondary: 0 };
  if (phase.includes('secondary')) return { primary: 0, secondary: pupils };
  return { primary: 0, secondary: 0 };
}

/** The phase whose pupils drive a subject group's need: Primary, else secondary. */
export function phaseOfSubject(subject: SubjectGroup): Phase {
  return subject === 'Primary' ? 'primary' : 'secondary';
}

/** Whether a school can employ NQTs of a subject group (it has pupils of that phase). */
export function schoolServesSubject(
  school: Pick<School, 'phase' | 'pupils'>,
  subject: SubjectGroup,
): boolean {
  const phase = school.phase.toLowerCase();
  if (phaseOfSubject(subject) === 'primary')
    return phase.startsWith('all') || phase.includes('primary');
  return phase.startsWith('all') || phase.includes('secondary');
}

/** A school that counts pupils in at least one phase, so it carries some need. */
export function isEligibleSchool(school: Pick<School, 'phase' | 'pupils'>): boolean {
  const pupils = schoolPhasePupils(school);
  return pupils.primary + pupils.secondary > 0;
}

/** URNs are digit strings: order them as numbers, any other text after them. */
export function compareUrn(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b))
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One partnership's resolved share of one school. */
export interface ResolvedShare {
  partnershipCode: string;
  share: number;
}

/**
 * Each school's resolved shares (declared as given, undeclared splitting the rest equally),
 * keyed by URN. Throws when a school's declared shares exceed 1 or a share is out of
 * (0, 1]: imports refuse such lists, so reaching here means a programming error.
 */
export function resolveShares(links: readonly PartnerSchoolLink[]): Map<string, ResolvedShare[]> {
  const bySchool = new Map<string, PartnerSchoolLink[]>();
  for (const link of links) {
    const list = bySchool.get(link.schoolUrn) ?? [];
    if (list.some((l) => l.partnershipCode === link.partnershipCode)) {
      throw new Error(
        `school ${link.schoolUrn} is linked to partnership ${link.partnershipCode} twice`,
      );
    }
    list.push(link);
    bySchool.set(link.schoolUrn, list);
  }
  const resolved = new Map<string, ResolvedShare[]>();
  for (const [urn, list] of bySchool) {
    let declared = 0;
    let undeclared = 0;
    for (const link of list) {
      if (link.share === null) {
        undeclared += 1;
      } else {
        if (!(link.share > 0 && link.share <= 1)) {
          throw new Error(
            `school ${urn}: share ${link.share} for ${link.partnershipCode} is not in (0, 1]`,
          );
        }
        declared += link.share;
      }
    }
    if (declared > 1 + SHARE_TOLERANCE) {
      throw new Error(`school ${urn}: declared shares sum to ${declared}, more than 1`);
    }
    const equalShare = undeclared > 0 ? Math.max(0, 1 - declared) / undeclared : 0;
    resolved.set(
      urn,
      list.map((link) => ({
        partnershipCode: link.partnershipCode,
        share: link.share ?? equalShare,
      })),
    );
  }
  return resolved;
}

/** Declared shares are typed to a few decimals; a sum this far over 1 is still accepted. */
export const SHARE_TOLERANCE = 1e-9;

export interface DefaultAssignmentOptions {
  /** Seed of the seeded LCG (sequentialUniforms) that places each partnership's hub school. */
  seed: number;
  /** Share of a district's eligible schools the partnerships anchored there take between them (before overlaps). */
  coverage: number;
  /** Most partnerships one school can be linked to. */
  maxPartnershipsPerSchool: number;
}

export const DEFAULT_ASSIGNMENT_OPTIONS: DefaultAssignmentOptions = {
  seed: 2018,
  coverage: 0.8,
  maxPartnershipsPerSchool: 2,
};

/** Districts where a partnership works in the region: its home district and its training partners'. */
export function anchorDistricts(
  partnership: Pick<Partnership, 'homeDistrictCode' | 'trainingPartners'>,
): string[] {
  const codes = new Set<string>();
  if (partnership.homeDistrictCode !== null) codes.add(partnership.homeDistrictCode);
  for (const partner of partnership.trainingPartners) {
    if (partner.districtCode !== null) codes.add(partner.districtCode);
  }
  return [...codes].sort();
}

/** Approximate distance in km between two points (equirectangular; fine within a region). */
function distanceKm(
  a: Pick<School, 'longitude' | 'latitude'>,
  b: Pick<School, 'longitude' | 'latitude'>,
): number {
  const meanLatitude = ((a.latitude + b.latitude) / 2) * (Math.PI / 180);
  const dx = (a.longitude - b.longitude) * Math.cos(meanLatitude) * 111.32;
  const dy = (a.latitude - b.latitude) * 110.57;
  return Math.hypot(dx, dy);
}

/**
 * The ILLUSTRATIVE default partner schools, made deterministically from the schools list:
 * 1. only schools with pupils in the primary or secondary phase take part, in URN order;
 * 2. a partnership is anchored in its home district and its training partners' districts
 *    (a provider outside the region with no in-region training partner gets no schools);
 * 3. district by district (code order), each anchored partnership (code order) draws a hub
 *    school with a seeded LCG, standing in for its lead school, whose URN the register does
 *    not give; it then takes the schools nearest its hub, up to ceil(coverage x schools /
 *    partnerships anchored there), skipping schools already linked to the maximum number
 *    of partnerships. Hubs close together make shared schools; schools nobody reaches
 *    stay in the pool.
 * Every link has share null (equal split) and provenance 'illustrative'.
 */
export function defaultPartnerSchools(
  partnerships: readonly Partnership[],
  schools: readonly School[],
  options: DefaultAssignmentOptions = DEFAULT_ASSIGNMENT_OPTIONS,
): PartnerSchoolAssignment {
  const schoolsByDistrict = new Map<string, School[]>();
  for (const school of [...schools]
    .filter(isEligibleSchool)
    .sort((a, b) => compareUrn(a.urn, b.urn))) {
    const list = schoolsByDistrict.get(school.districtCode) ?? [];
    list.push(school);
    schoolsByDistrict.set(school.districtCode, list);
  }
  const anchoredIn = new Map<string, string[]>();
  for (const partnership of [...partnerships].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  )) {
    for (const district of anchorDistricts(partnership)) {
      if (!schoolsByDistrict.has(district)) continue;
      anchoredIn.set(district, [...(anchoredIn.get(district) ?? []), partnership.code]);
    }
  }
  const random = sequentialUniforms(options.seed);
  const linkCount = new Map<string, number>();
  const links: PartnerSchoolLink[] = [];
  for (const district of [...anchoredIn.keys()].sort()) {
    const districtSchools = schoolsByDistrict.get(district) ?? [];
    const codes = anchoredIn.get(district) ?? [];
    const quota = Math.ceil((options.coverage * districtSchools.length) / codes.length);
    for (const code of codes) {
      const hub = districtSchools[Math.floor(random() * districtSchools.length)];
      if (hub === undefined) continue;
      const nearest = districtSchools
        .map((school) => ({ school, km: distanceKm(hub, school) }))
        .sort((a, b) => a.km - b.km || compareUrn(a.school.urn, b.school.urn));
      let taken = 0;
      for (const { school } of nearest) {
        if (taken >= quota) break;
        const count = linkCount.get(school.urn) ?? 0;
        if (count >= options.maxPartnershipsPerSchool) continue;
        linkCount.set(school.urn, count + 1);
        links.push({
          partnershipCode: code,
          schoolUrn: school.urn,
          share: null,
          provenance: 'illustrative',
        });
        taken += 1;
      }
    }
  }
  return {
    links,
    method:
      'Illustrative: public data do not list partner schools. Each partnership takes the schools ' +
      'nearest a hub school drawn at random (seed ' +
      `${options.seed}) in its home and training partners' districts, about ` +
      `${Math.round(options.coverage * 100)}% of each district's schools between them; ` +
      `a school is shared by at most ${options.maxPartnershipsPerSchool} partnerships ` +
      '(need split equally); the rest form the pool of schools not engaged with any partnership.',
  };
}

/**
 * Replace the links of the given partnerships by new ones, keeping everyone else's. The
 * method text stays the default's; each link's provenance tells imported from illustrative.
 */
export function replacePartnershipLinks(
  assignment: PartnerSchoolAssignment,
  partnershipCodes: ReadonlySet<string>,
  incoming: readonly PartnerSchoolLink[],
): PartnerSchoolAssignment {
  const kept = assignment.links.filter((link) => !partnershipCodes.has(link.partnershipCode));
  return { links: [...kept, ...incoming], method: assignment.method };
}

/** Partner-school counts and pupils of one partnership, by district and phase. */
export interface PartnerSchoolSummaryRow {
  districtCode: string;
  phase: Phase;
  /** Schools linked to the partnership with pupils in this phase. */
  schools: number;
  /** Of which shared with another partnership. */
  sharedSchools: number;
  /** Pupils of the phase weighted by the partnership's share of each school. */
  sharedPupils: number;
  provenance: Provenance | 'mixed';
}

export function partnerSchoolSummary(
  partnershipCode: string,
  assignment: PartnerSchoolAssignment,
  schools: readonly School[],
): PartnerSchoolSummaryRow[] {
  const byUrn = new Map(schools.map((school) => [school.urn, school]));
  const shares = resolveShares(assignment.links);
  const rows = new Map<string, PartnerSchoolSummaryRow>();
  for (const link of assignment.links) {
    if (link.partnershipCode !== partnershipCode) continue;
    const school = byUrn.get(link.schoolUrn);
    if (school === undefined) continue;
    const schoolShares = shares.get(link.schoolUrn) ?? [];
    const share = schoolShares.find((s) => s.partnershipCode === partnershipCode)?.share ?? 0;
    const pupils = schoolPhasePupils(school);
    for (const phase of ['primary', 'secondary'] as const) {
      if (pupils[phase] <= 0) continue;
      const key = `${school.districtCode}|${phase}`;
      const row = rows.get(key) ?? {
        districtCode: school.districtCode,
        phase,
        schools: 0,
        sharedSchools: 0,
        sharedPupils: 0,
        provenance: link.provenance,
      };
      row.schools += 1;
      if (schoolShares.length > 1) row.sharedSchools += 1;
      row.sharedPupils += share * pupils[phase];
      if (row.provenance !== link.provenance) row.provenance = 'mixed';
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.districtCode < b.districtCode ? -1 : a.districtCode > b.districtCode ? 1 : 0) ||
      a.phase.localeCompare(b.phase),
  );
}
