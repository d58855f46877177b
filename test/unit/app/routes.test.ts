import { describe, expect, it } from 'vitest';
import { ROUTES, routeForPath } from '../../../src/ui/routes.ts';

describe('routes', () => {
  it('finds each page by its path, with or without a trailing slash', () => {
    expect(routeForPath('/')).toBe('home');
    expect(routeForPath('/forecast')).toBe('forecast');
    expect(routeForPath('/in-year/')).toBe('inYear');
  });

  it('returns undefined for an unknown path', () => {
    expect(routeForPath('/no-such-page')).toBeUndefined();
  });

  it('has a distinct path for every page', () => {
    const paths = Object.values(ROUTES).map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
