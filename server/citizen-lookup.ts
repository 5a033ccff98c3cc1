import type { FastifyInstance } from 'fastify';
import type { RegistryPerson } from '../src/domain/registry-person';

/**
 * The registry's record, marked as having an application in progress when the back office has
 * taken one: the registry hears of it only once the application is processed, the back office at once.
 */
export async function findCitizen(app: FastifyInstance, iin: string): Promise<RegistryPerson | null> {
  const person = await app.registry.findPerson(iin);
  if (!person || person.applicationInProgress) return person;
  return (await app.applications.hasOpenApplication(iin)) ? { ...person, applicationInProgress: true } : person;
}
