import type { RegistryPerson } from '../../src/domain/registry-person';

/** The population registry: who a person is, their documents, and the photo on record. */
export interface PopulationRegistry {
  findPerson(iin: string): Promise<RegistryPerson | null>;
  /** The face descriptor of the registry photo; null when there is no usable photo on record. */
  referenceDescriptor(iin: string): Promise<number[] | null>;
  /** The registry photo itself (JPEG), for a person reviewing a face match the rules left open; null when there is none. */
  referencePhoto(iin: string): Promise<Uint8Array | null>;
}
