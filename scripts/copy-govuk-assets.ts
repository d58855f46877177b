/**
 * Copies GOV.UK Frontend's compiled CSS, fonts and images from node_modules into public/, so
 * the app serves them itself (no CDN). Run after upgrading govuk-frontend:
 * `npx tsx scripts/copy-govuk-assets.ts`. A unit test fails when the copies drift.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { GOVUK_ASSET_COPIES } from './govuk-assets.ts';

for (const { from, to } of GOVUK_ASSET_COPIES) {
  mkdirSync(to.replace(/\/[^/]*$/, ''), { recursive: true });
  cpSync(from, to, { recursive: true });
  console.log(`copied ${from} -> ${to}`);
}
