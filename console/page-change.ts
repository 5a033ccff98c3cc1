import { ConsoleError } from './api';

/** Any failure as the console's error: the back office's refusal as it is, anything else `server`. */
export const asConsoleError = (error: unknown): ConsoleError => (error instanceof ConsoleError ? error : new ConsoleError('server', null));

/** A page's store that shows a list and changes it: busy while a change is sent, then the list read again. */
export interface ChangingPage {
  busy: boolean;
  load(): Promise<void>;
}

/**
 * Sends one change (record, move, revoke…), then reads the page's list again so it shows what the
 * back office now holds. The refusal, if any, is returned for the form that sent it; null when done.
 */
export async function changeThenReload(page: ChangingPage, send: () => Promise<unknown>): Promise<ConsoleError | null> {
  page.busy = true;
  try {
    await send();
    await page.load();
    return null;
  } catch (error) {
    return asConsoleError(error);
  } finally {
    page.busy = false;
  }
}
