/**
 * The cycle the In-year page opens with: the ILLUSTRATIVE allocation for 2025/26 and
 * illustrative returns (2024/25 complete, so a curve can be fitted; 2025/26 to March), bundled
 * from data/. No monthly returns by partnership are public, so none of this is real.
 */
import { browserReader } from '../../data/browser-reader.ts';
import type { CycleSources } from './in-year-session.ts';

export const DEFAULT_ALLOCATION_FILE = 'illustrative_allocation_202526.csv';
export const DEFAULT_RETURNS_FILES = [
  'illustrative_recruitment_returns_202425.csv',
  'illustrative_recruitment_returns_202526.csv',
] as const;

export async function loadDefaultCycle(): Promise<CycleSources> {
  const read = browserReader();
  const [allocation, ...returns] = await Promise.all(
    [DEFAULT_ALLOCATION_FILE, ...DEFAULT_RETURNS_FILES].map(async (fileName) => ({
      fileName,
      text: await read(fileName),
    })),
  );
  return { allocation: allocation!, returns, illustrative: true };
}
