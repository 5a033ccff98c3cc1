/** The mobile citizens base (БМГ): the one mobile number a person has registered with the state. */
export interface MobileCitizensBase {
  phoneFor(iin: string): Promise<string | null>;
}
