/** Number and name formatting for sentences a manager reads. */
import type { AllocationProblem } from './problem.ts';

/**
 * Whole numbers without decimals; others to one decimal place (two below 1); thousands
 * separated by commas. Written by hand because Intl formatting is too slow for the tens of
 * thousands of constraint sentences a national model has.
 */
export function formatNumber(value: number): string {
  const rounded = Math.round(value);
  const text =
    Math.abs(value - rounded) < 1e-6
      ? String(rounded + 0)
      : value.toFixed(Math.abs(value) < 1 ? 2 : 1);
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function placesText(value: number): string {
  return `${formatNumber(value)} ${Math.abs(value - 1) < 1e-9 ? 'place' : 'places'}`;
}

export interface NameLookup {
  partnership(code: string): string;
  district(code: string): string;
  /** "University of Sheffield Physics (HEI postgraduate)": one partnership's plan. */
  plan(partnershipCode: string, subject: string, route: string): string;
}

export function nameLookup(problem: AllocationProblem): NameLookup {
  const partnerships = new Map(problem.partnerships.map((p) => [p.code, p.name]));
  const districts = new Map(problem.districts.map((d) => [d.code, d.name]));
  return {
    partnership: (code) => partnerships.get(code) ?? code,
    district: (code) => (code === 'outside' ? 'outside the region' : (districts.get(code) ?? code)),
    plan: (code, subject, route) => `${partnerships.get(code) ?? code} ${subject} (${route})`,
  };
}

export function percentText(share: number): string {
  return `${formatNumber(share * 100)}%`;
}
