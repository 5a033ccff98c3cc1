// The console's pages by address, under /console/, so a page can be reloaded, bookmarked and sent to
// a colleague. The back office serves console/index.html for every such address (static-files.ts).

export type Route = { page: 'home' } | { page: 'applications' } | { page: 'application'; number: string } | { page: 'terminals' } | { page: 'review' } | { page: 'report' } | { page: 'problems' } | { page: AdminPage };

/** The admin's pages, each one address with no parameter. */
export const ADMIN_PAGES = ['accounts', 'audit', 'centres', 'reference-data'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

const BASE = '/console';
const NUMBER = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/^\/console\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'applications' && parts.length === 1) return { page: 'applications' };
  if (parts[0] === 'applications' && parts.length === 2 && NUMBER.test(parts[1] ?? '')) return { page: 'application', number: parts[1]! };
  if (parts[0] === 'terminals' && parts.length === 1) return { page: 'terminals' };
  if (parts[0] === 'review' && parts.length === 1) return { page: 'review' };
  // The report's week and scope are in the query (console/report/report-query.ts), read by its page.
  if (parts[0] === 'report' && parts.length === 1) return { page: 'report' };
  if (parts[0] === 'problems' && parts.length === 1) return { page: 'problems' };
  const admin = ADMIN_PAGES.find((page) => page === parts[0]);
  if (admin && parts.length === 1) return { page: admin };
  return { page: 'home' };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'home':
      return `${BASE}/`;
    case 'applications':
      return `${BASE}/applications`;
    case 'application':
      return `${BASE}/applications/${route.number}`;
    case 'terminals':
      return `${BASE}/terminals`;
    case 'review':
      return `${BASE}/review`;
    case 'report':
      return `${BASE}/report`;
    case 'problems':
      return `${BASE}/problems`;
    case 'accounts':
    case 'audit':
    case 'centres':
    case 'reference-data':
      return `${BASE}/${route.page}`;
  }
}

export class Router {
  route = $state<Route>(parseRoute(location.pathname));

  constructor() {
    addEventListener('popstate', () => (this.route = parseRoute(location.pathname)));
  }

  go(route: Route): void {
    history.pushState(null, '', routePath(route));
    this.route = route;
  }
}
