/**
 * Work saved on the device (local intelligence, loaded submissions, uploaded partner-school
 * lists) checked against the data it is restored onto: anything that no longer fits (an
 * unknown partnership, school or entry year) is set aside rather than breaking the page.
 */
import { SUBJECT_GROUPS, type RegionDataset } from '../../data/types.ts';
import {
  replacePartnershipLinks,
  type IntelligenceEntry,
  type PartnerSchoolAssignment,
} from '../../partnerships/index.ts';
import { formatCount } from '../format.ts';
import type { LoadedSubmission, PartnershipsSnapshot } from '../../storage/partnership-store.ts';

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

/** What the page shows once saved work is restored onto the data, and what was set aside. */
export interface RestoredWork {
  assignment: PartnerSchoolAssignment;
  leadEntries: IntelligenceEntry[];
  managerEntries: IntelligenceEntry[];
  submissions: LoadedSubmission[];
  /** Says what was set aside and why; '' when everything fitted. */
  note: string;
}

/**
 * Saved work checked against the region and the forecast's entry years: uploaded lists over
 * the illustrative default, then the entries and submissions the data can still place.
 */
export function restoreSavedWork(
  region: Pick<RegionDataset, 'partnerships' | 'schools'>,
  base: PartnerSchoolAssignment,
  snapshot: PartnershipsSnapshot,
  entryYears: readonly string[],
): RestoredWork {
  const { assignment, setAside: staleLists } = withImportedLinks(
    base,
    snapshot,
    new Set(region.schools.map((s) => s.urn)),
  );
  const codes = new Set(region.partnerships.map((p) => p.code));
  const leadEntries = atPartnerSchools(
    placeable(snapshot.leadEntries, codes, entryYears),
    assignment,
  );
  const managerEntries = placeable(snapshot.managerEntries, codes, entryYears);
  const setAside =
    snapshot.leadEntries.length -
    leadEntries.length +
    (snapshot.managerEntries.length - managerEntries.length);
  const notes = [
    setAside > 0
      ? `${formatCount(setAside)} saved entries no longer fit this data (an unknown partnership, school or entry year) and were set aside.`
      : '',
    staleLists.length > 0
      ? `The uploaded partner-school lists of ${staleLists.join(', ')} name schools this data does not have, so they are back on the illustrative list.`
      : '',
  ].filter(Boolean);
  return {
    assignment,
    leadEntries,
    managerEntries,
    submissions: snapshot.submissions.filter((s) => codes.has(s.partnershipCode)),
    note: notes.join(' '),
  };
}

/**
 * The lead's entries still at partner schools after the list changes, and the change's
 * message with how many entries went with the schools that left.
 */
export function afterPartnerSchoolsChange(
  entries: readonly IntelligenceEntry[],
  assignment: PartnerSchoolAssignment,
  message: string,
): { kept: IntelligenceEntry[]; message: string } {
  const kept = atPartnerSchools(entries, assignment);
  const dropped = entries.length - kept.length;
  return {
    kept,
    message:
      dropped > 0
        ? `${message} ${formatCount(dropped)} local-intelligence entries were at schools not on the new list and were removed.`
        : message,
  };
}
