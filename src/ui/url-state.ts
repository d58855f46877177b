/**
 * Page settings kept in the address (?name=value), so a reload or a copied link opens the page
 * as it was left. A change replaces the current history entry rather than adding one, so Back
 * still leaves the page. Values are read back through each page's own checks: a setting the
 * page does not recognise is ignored.
 */
export function readSetting(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** A setting if it is one of `allowed`, else the fallback. */
export function settingOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = readSetting(name);
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/** Sets (or, for '' and null, removes) settings in the address, keeping any others. */
export function writeSettings(settings: Record<string, string | null>): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(settings)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, '', url);
  }
}
