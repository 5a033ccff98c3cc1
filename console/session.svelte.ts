// Who is signed in to this console tab. The session itself is the back office's (an httpOnly
// cookie); this holds what the page may know of it: the staff member and the CSRF token.
import { Type } from '@sinclair/typebox';
import { StaffSession, type SignInRequest, type StaffMember } from '../src/protocol/staff';
import { call, ConsoleError, onSessionLost, useCsrfToken } from './api';

const NoBody = Type.Unknown();

export class ConsoleSession {
  /** undefined until the back office has been asked; null: nobody is signed in. */
  staff = $state<StaffMember | null | undefined>(undefined);
  /** Why the last sign-in or call was refused, as a stable code; null when none was. */
  error = $state<ConsoleError | null>(null);

  constructor() {
    onSessionLost((error) => {
      this.#forget();
      this.error = error;
    });
  }

  /** On load: a session cookie from earlier in this browser may still be alive. */
  async restore(): Promise<void> {
    try {
      this.#keep(await call('GET', '/session', StaffSession));
    } catch (error) {
      this.#forget();
      // No session is the usual case on a first visit, not an error to show.
      if (error instanceof ConsoleError && error.code !== 'no_session' && error.code !== 'session_expired') this.error = error;
    }
  }

  async signIn(request: SignInRequest): Promise<void> {
    this.error = null;
    try {
      this.#keep(await call('POST', '/session', StaffSession, request));
    } catch (error) {
      this.error = error instanceof ConsoleError ? error : new ConsoleError('server', null);
    }
  }

  async signOut(): Promise<void> {
    // Whatever the back office answers, this tab forgets the session: a stale cookie is refused anyway.
    await call('DELETE', '/session', NoBody).catch(() => undefined);
    this.#forget();
  }

  #keep(session: StaffSession): void {
    useCsrfToken(session.csrfToken);
    this.staff = session.staff;
  }

  #forget(): void {
    useCsrfToken(null);
    this.staff = null;
  }
}
