/**
 * Plausible ranges of the figures data files hold, stated once: a value outside its range is
 * a slip (a digit too many, 0 for an area with pupils, 1e300), refused with the range in
 * words. Generous enough for any English local authority or the whole of England.
 */
import type { NumberRule } from '../cells.ts';

/** Teachers of one phase in one area: the largest LA (Kent) has about 12,000 FTE. */
export const TEACHERS_PER_AREA: NumberRule = {
  above: 0,
  below: 100_000,
  what: 'a number of teachers (FTE)',
};

/** Pupils of one phase in one area: the largest LA (Kent) has about 130,000. */
export const PUPILS_PER_AREA: NumberRule = {
  above: 0,
  below: 1_000_000,
  what: 'a number of pupils',
};

/**
 * Pupils per FTE teacher an area can plausibly have (England: about 20 primary and 17
 * secondary; no LA is below 10 or above 30).
 */
export const PLAUSIBLE_PUPIL_TEACHER_RATIO = [5, 60] as const;

/** England's pupils of one phase (about 4.6 million primary). */
export const PUPILS_IN_ENGLAND: NumberRule = {
  above: 0,
  below: 20_000_000,
  what: 'a number of pupils',
};

/** England's teachers of one phase (about 230,000 FTE primary). */
export const TEACHERS_IN_ENGLAND: NumberRule = {
  above: 0,
  below: 2_000_000,
  what: 'a number of teachers (FTE)',
};

/** A national flow of teachers in a year (tens of thousands at most). */
export const NATIONAL_FLOW_FTE: NumberRule = {
  min: 0,
  below: 2_000_000,
  what: 'a number of teachers (FTE)',
};

/** England's ITT entrants, QTS awards or trainee need in a year (about 30,000 to 45,000). */
export const TRAINEES_IN_ENGLAND: NumberRule = {
  min: 0,
  below: 1_000_000,
  what: 'a number of trainees',
};

/** ITT places, trainees or a cohort of one partnership in one subject. */
export const PLACES: NumberRule = {
  min: 0,
  below: 100_000,
  integer: true,
  what: 'a whole number of places',
};
