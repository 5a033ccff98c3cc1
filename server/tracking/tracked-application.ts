import type { FastifyInstance } from 'fastify';
import { maskName } from '../../src/domain/application';
import type { ApplicationStatus } from '../repositories/applications';
import type { TrackedApplication } from './tracking-page';

type BackOffice = Pick<FastifyInstance, 'db' | 'applicationChecks' | 'registry' | 'log'>;

interface Row {
  id: string;
  number: string;
  status: ApplicationStatus;
  ready_by: string;
  is_test: boolean;
  lang: string;
  iin: string;
}

/**
 * What the tracking page shows of the application with this number, and the receipt's language;
 * null when there is none. The IIN is read only to ask the registry for the masked name and goes
 * no further.
 */
export async function trackedApplication(app: BackOffice, number: string): Promise<{ application: TrackedApplication; lang: string } | null> {
  const { rows } = await app.db.query<Row>(
    'SELECT id, number, status, ready_by::text AS ready_by, is_test, lang, iin FROM applications WHERE number = $1',
    [number],
  );
  const row = rows[0];
  if (!row) return null;
  const [checks, maskedName] = await Promise.all([app.applicationChecks.list(row.id), maskedNameOf(app, row.iin)]);
  return {
    application: { number: row.number, status: row.status, readyBy: row.ready_by, test: row.is_test, maskedName, checks },
    lang: row.lang,
  };
}

/** The name as the receipt prints it; the page goes on without it when the registry does not answer. */
async function maskedNameOf(app: BackOffice, iin: string): Promise<string | null> {
  try {
    const person = await app.registry.findPerson(iin);
    return person ? maskName(person.surname, person.givenName, person.patronymic) : null;
  } catch (error) {
    app.log.warn({ err: error }, 'tracking page: the registry did not answer; the page is shown without the name');
    return null;
  }
}
