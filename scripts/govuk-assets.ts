const govuk = 'node_modules/govuk-frontend/dist/govuk';

/** What the app serves from public/ and where it comes from in the govuk-frontend package. */
export const GOVUK_ASSET_COPIES = [
  { from: `${govuk}/govuk-frontend.min.css`, to: 'public/govuk/govuk-frontend.min.css' },
  { from: `${govuk}/assets/fonts`, to: 'public/assets/fonts' },
  { from: `${govuk}/assets/images`, to: 'public/assets/images' },
  { from: `${govuk}/assets/manifest.json`, to: 'public/assets/manifest.json' },
];
