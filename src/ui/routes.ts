/** The app's pages: path, title (for <title> and the heading) and navigation label. */
export interface Route {
  path: string;
  title: string;
}

export const ROUTES = {
  home: { path: '/', title: 'Teacher Supply Planner' },
  forecast: { path: '/forecast', title: 'Forecast NQT and trainee need' },
  allocation: { path: '/allocation', title: 'Allocate ITT places' },
  inYear: { path: '/in-year', title: 'In-year tracking and redistribution' },
  maps: { path: '/maps', title: 'Cold-spot maps' },
  scenarios: { path: '/scenarios', title: 'Scenarios' },
  partnerships: { path: '/partnerships', title: 'Partnerships' },
  dataSources: { path: '/data-sources', title: 'Data sources' },
  accessibility: { path: '/accessibility', title: 'Accessibility statement' },
  support: { path: '/support', title: 'Support and feedback' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** The route for a location path (trailing slash ignored), or undefined for an unknown page. */
export function routeForPath(path: string): RouteName | undefined {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return (Object.keys(ROUTES) as RouteName[]).find((name) => ROUTES[name].path === normalised);
}
