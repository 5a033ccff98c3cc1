import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { KioskDb } from './kiosk-db';

/**
 * For tests: opens kiosk databases on fake-indexeddb (a fresh one unless an IDBFactory is given, so
 * a test can reopen "the same disk") and closes them all after each test.
 */
export function kioskDbOpener(): (indexedDB?: IDBFactory) => KioskDb {
  const opened: KioskDb[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));
  return (indexedDB = new IDBFactory()) => {
    const db = new KioskDb({ indexedDB, IDBKeyRange });
    opened.push(db);
    return db;
  };
}
