// The weekly report page's state: the week and scope chosen, the lists the scope picker offers, and
// the report of that week with the week before's for the changes. The page's address follows the
// choice (report-query.ts); a later choice's answer always wins over an earlier one still on its way.
import { BranchList, CentreList } from '../../src/protocol/centres';
import { FleetList } from '../../src/protocol/heartbeat';
import type { StaffMember } from '../../src/protocol/staff';
import { WeeklyReport } from '../../src/protocol/weekly-report';
import { call, type ConsoleError } from '../api';
import { asConsoleError } from '../page-change';
import { routePath } from '../router.svelte';
import { addWeeks, compareWeeks, lastFinishedWeek, type Week } from './iso-week';
import { pageQuery, readPageQuery, reportPath } from './report-query';
import { defaultScope, scopeAllowed, type ScopeLists } from './report-scope';

type Who = Pick<StaffMember, 'role' | 'branchId'>;

export class ReportPage {
  /** The latest week the picker offers: the last one over in Kazakhstan. */
  readonly latest: Week;
  week = $state<Week>({ year: 1970, week: 1 });
  scope = $state('country');
  lists = $state<ScopeLists | null>(null);
  report = $state<WeeklyReport | null>(null);
  /** The week before's report; null where it could not be read (the page shows no changes then). */
  previous = $state<WeeklyReport | null>(null);
  failure = $state<ConsoleError | null>(null);
  loading = $state(false);
  #asked = 0;

  constructor(
    readonly who: Who,
    now: Date,
  ) {
    this.latest = lastFinishedWeek(now);
    this.week = this.latest;
    this.scope = defaultScope(who);
  }

  get canGoForward(): boolean {
    return compareWeeks(this.week, this.latest) < 0;
  }

  /** The lists first: a scope from the address is taken only if this staff member may see it. */
  async open(search: string): Promise<void> {
    let lists: ScopeLists;
    try {
      const mayReadFleet = this.who.role === 'supervisor' || this.who.role === 'admin';
      const [branches, centres, fleet] = await Promise.all([
        call('GET', '/branches', BranchList),
        call('GET', '/centres', CentreList),
        mayReadFleet ? call('GET', '/terminals', FleetList) : Promise.resolve(null),
      ]);
      lists = { branches: branches.branches, centres: centres.centres, terminals: fleet?.terminals ?? null };
    } catch (error) {
      this.failure = asConsoleError(error);
      return;
    }
    const asked = readPageQuery(search);
    if (asked.week && compareWeeks(asked.week, this.latest) <= 0) this.week = asked.week;
    if (asked.scope && scopeAllowed(this.who, lists, asked.scope)) this.scope = asked.scope;
    // Last: the pickers appear with the lists, on the week and scope already chosen.
    this.lists = lists;
    this.#remember();
    await this.load();
  }

  choose(week: Week, scope: string): Promise<void> {
    this.week = compareWeeks(week, this.latest) > 0 ? this.latest : week;
    this.scope = scope;
    this.#remember();
    return this.load();
  }

  /** The page's address says what it shows. */
  #remember(): void {
    history.replaceState(null, '', `${routePath({ page: 'report' })}${pageQuery(this.week, this.scope)}`);
  }

  step(weeks: number): Promise<void> {
    return this.choose(addWeeks(this.week, weeks), this.scope);
  }

  async load(): Promise<void> {
    const asked = ++this.#asked;
    const { week, scope } = this;
    this.loading = true;
    try {
      // The week before may fail alone (a week before the pilot, say): the report still shows, without changes.
      const [report, previous] = await Promise.all([
        call('GET', reportPath(week, scope, 'json'), WeeklyReport),
        call('GET', reportPath(addWeeks(week, -1), scope, 'json'), WeeklyReport).catch(() => null),
      ]);
      if (asked !== this.#asked) return;
      this.report = report;
      this.previous = previous;
      this.failure = null;
    } catch (error) {
      if (asked !== this.#asked) return;
      this.report = null;
      this.previous = null;
      this.failure = asConsoleError(error);
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }
}
