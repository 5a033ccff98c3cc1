import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, type Route } from './router.svelte';

describe("the console's addresses", () => {
  it('reads each page from its address and writes the same address back', () => {
    const routes: Route[] = [{ page: 'home' }, { page: 'applications' }, { page: 'application', number: 'AB12-CD34-EF56' }, { page: 'terminals' }, { page: 'review' }, { page: 'report' }, { page: 'problems' }, { page: 'accounts' }, { page: 'audit' }, { page: 'centres' }, { page: 'reference-data' }];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('takes anything it does not know, a malformed number included, as the home page', () => {
    for (const path of ['/console', '/console/nothing', '/console/applications/not-a-number', '/console/applications/AB12-CD34-EF56/x', '/console/audit/1', '/console/report/2026-W49']) {
      expect(parseRoute(path), path).toEqual({ page: 'home' });
    }
  });
});
