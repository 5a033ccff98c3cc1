// The problems page's state: a page of the register for the filters, the centres and terminals the
// staff member may record at, and their changes (server/problems/problem-routes.ts). Each change
// reloads the list, so the page shows what the back office holds.
import { CentreList } from '../src/protocol/centres';
import { Problem, ProblemPlaces, ProblemsPage as ProblemsPageBody, type NewProblem, type ProblemEdit } from '../src/protocol/problems';
import { call, type ConsoleError } from './api';
import { asConsoleError, changeThenReload } from './page-change';
import { problemsQuery, thisWeek, type ProblemFilterForm } from './problems-form';


export class ProblemsPage {
  filters = $state<ProblemFilterForm>(thisWeek());
  problems = $state<Problem[] | null>(null);
  next = $state<string | null>(null);
  places = $state<ProblemPlaces['centres']>([]);
  failure = $state<ConsoleError | null>(null);
  busy = $state(false);

  /** Whether the signed-in staff member records problems (operator, supervisor, police) or only reads them. */
  readonly #mayRecord: () => boolean;

  constructor(mayRecord: () => boolean) {
    this.#mayRecord = mayRecord;
  }

  get mayRecord(): boolean {
    return this.#mayRecord();
  }

  async load(): Promise<void> {
    try {
      const [page, places] = await Promise.all([
        call('GET', `/problems${problemsQuery(this.filters, null)}`, ProblemsPageBody),
        // Who only reads (analyst, admin) filters by any centre; who records, by those they record at.
        this.mayRecord
          ? call('GET', '/problems/places', ProblemPlaces)
          : call('GET', '/centres', CentreList).then((list) => ({ centres: list.centres.map((c) => ({ id: c.id, nameRu: c.nameRu, nameKk: c.nameKk, terminals: [] })) })),
      ]);
      this.problems = page.problems;
      this.next = page.next;
      this.places = places.centres;
      this.failure = null;
    } catch (error) {
      this.failure = asConsoleError(error);
    }
  }

  async more(): Promise<void> {
    if (!this.next || !this.problems) return;
    try {
      const page = await call('GET', `/problems${problemsQuery(this.filters, this.next)}`, ProblemsPageBody);
      this.problems = [...this.problems, ...page.problems];
      this.next = page.next;
    } catch (error) {
      this.failure = asConsoleError(error);
    }
  }

  /** Null when done; else the refusal, for the form to say. */
  record(request: NewProblem): Promise<ConsoleError | null> {
    return changeThenReload(this, () => call('POST', '/problems', Problem, request));
  }

  update(id: string, edit: ProblemEdit): Promise<ConsoleError | null> {
    return changeThenReload(this, () => call('PUT', `/problems/${encodeURIComponent(id)}`, Problem, edit));
  }
}
