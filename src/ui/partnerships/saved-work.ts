/**
 * Work saved on the device (local intelligence, loaded submissions, uploaded partner-school
 * lists) checked against the data it is restored onto: anything that no longer fits (an
 * unknown partnership, school or entry year) is set aside rather than breaking the page.
 */
import { SUBJECT_GROUPS } from '../../data/types.ts';
import {
  replacePartnershipLinks,
  type IntelligenceEntry,
  type PartnerSchoolAssignment,
} from '../../partnerships/index.ts';
import type { PartnershipsSnapshot } from './partnership-store.ts';

/**
 * The illustrative default with the uploaded lists put back over it. A list naming a school
 * the data no longer has is set aside whole (its partnership returns to the default), since
 * a partial list would misstate the partnership's share.
 */
export function withImportedLinks(
  base: PartnerSchoolAssignment,
  snapshot: Pick<PartnershipsSnapshot, 'importedLinks'>,
  urns: ReadonlySet<string>,
): { assignment: PartnerSchoolAssignment; setAside: string[] } {
  const stale = new Set(
    snapshot.importedLinks.filter((l) => !urns.has(l.schoolUrn)).map((l) => l.partnershipCode),
  );
  const links = snapshot.importedLinks.filter((l) => !stale.has(l.partnershipCode));
  return {
    assignment: replacePartnershipLinks(base, new Set(links.map((l) => l.partnershipCode)), links),
    setAside: [...stale].sort(),
  };
}

/** Entries the forecast can still place: a known partnership, subject and entry year. */
export function placeable(
  entries: readonly IntelligenceEntry[],
  codes: ReadonlySet<string>,
  years: readonly string[],
): IntelligenceEntry[] {
  const subjects = new Set<string>(SUBJECT_GROUPS);
  return entries.filter(
    (e) => codes.has(e.partnershipCode) && subjects.has(e.subject) && years.includes(e.year),
  );
}

/** Entries at schools still linked to their partnership. */
export function atPartnerSchools(
  entries: readonly IntelligenceEntry[],
  assignment: PartnerSchoolAssignment,
): IntelligenceEntry[] {
  const links = new Set(assignment.links.map((l) => `${l.partnershipCode}|${l.schoolUrn}`));
  return entries.filter((e) => links.has(`${e.partnershipCode}|${e.schoolUrn}`));
}
