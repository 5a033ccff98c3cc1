import type { CentreScope as ListScope } from '../console/list-query';
import type { CentreScope } from './scope';

/** The staff member's centres as the console's queries take them; an analyst's `none` reads nothing. */
export function listScope(scope: CentreScope): ListScope {
  return scope.kind === 'all' ? 'all' : scope.kind === 'centres' ? scope.centreIds : [];
}
