// The kiosk's IndexedDB (src/sync/kiosk-db.ts) as a technician would inspect it: the outbox's
// packets and the terminal's row, read from the page with the plain IndexedDB API (the built
// kiosk does not expose Dexie), the seq rewound as a kiosk restored from an old disk image would be,
// and a setting written as technician mode writes it.
import type { Page } from '@playwright/test';

export interface OutboxRow {
  applicationId: string;
  seq: number;
  state: 'pending' | 'quarantined';
  quarantine: { code: string; status: number } | null;
}

export function readOutbox(page: Page): Promise<OutboxRow[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxRow[]>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error ?? new Error('cannot read the outbox'));
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as Array<OutboxRow & { quarantine?: { code: string; status: number } }>).map((row) => ({
                applicationId: row.applicationId,
                seq: row.seq,
                state: row.state,
                quarantine: row.quarantine ? { code: row.quarantine.code, status: row.quarantine.status } : null,
              })),
            );
          };
        };
      }),
  );
}

/** This kiosk's terminal id, once it has enrolled (the start screen's buttons wait for it). */
export function terminalId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('terminal').objectStore('terminal').get('this');
          get.onsuccess = () => {
            db.close();
            const row = get.result as { terminalId?: string } | undefined;
            if (row?.terminalId) resolve(row.terminalId);
            else reject(new Error('the kiosk is not enrolled'));
          };
          get.onerror = () => reject(get.error ?? new Error('cannot read the terminal row'));
        };
      }),
  );
}

/** Sets the terminal's next seq back to 1: what a kiosk restored from an old image would do. */
export function rewindSeq(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('terminal', 'readwrite');
          const store = tx.objectStore('terminal');
          const get = store.get('this');
          get.onsuccess = () => store.put({ ...(get.result as object), nextSeq: 1 });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('cannot rewind the seq'));
        };
      }),
  );
}

/** Writes a row of the settings table as technician mode does (src/admin/settings.ts), e.g. the device profile. */
export function storeSetting(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([settingKey, settingValue]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the kiosk database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: settingKey, value: settingValue });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('cannot store the setting'));
        };
      }),
    [key, value] as const,
  );
}
