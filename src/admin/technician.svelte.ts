import type { DeviceProfile, PresetName, ProfileChoice, ProfileProblem } from '../devices/profile';
import type { TerminalIdentity } from '../flow/readiness.svelte';
import type { EnrolRequest, Enrolled } from '../protocol/packets';
import { failureCode } from '../sync/backoffice';
import type { KioskDb, TechnicianLogRow } from '../sync/kiosk-db';
import { listOutbox, releaseQuarantined, type OutboxSummary } from '../sync/outbox';
import { telemetryWaiting } from '../telemetry/telemetry-store';
import { readStorage, type StorageApi, type StorageVerdict } from '../sync/storage';
import { enrolTerminal, terminalOf } from '../sync/terminal';
import { exportLog, logAction, recentActions, type LogExport, type TechnicianActions } from './audit-log';
import { PinError, installSandboxPin, pinProblem, pinRecord, setPin, verifyPin, type PinProblem, type PinVerdict } from './pin';
import { presetProfile, withSetting, type ProfileField, type ProfileSettings } from './profile-form';
import { lastProfileSavedAt, loadProfile, saveProfile } from './profile-store';

/** Without a touch for this long, technician mode closes by itself: a technician called away must not leave it open to the next passer-by. */
export const TECH_IDLE_MS = 2 * 60_000;

/**
 * When this page started, by the clock profiles are dated with (Date.now), not performance.timeOrigin:
 * a wall clock set after the start (an NTP correction; the e2e's kiosks, set to the back office's
 * day) would otherwise put a profile saved just now before the start, and the restart it needs unsaid.
 */
const PAGE_STARTED_AT = Date.now();

/** Sandbox terminals' ids; a production back office never gives one (server/routes/sandbox.ts). */
const SANDBOX_TERMINAL = /^SBX-/;

/**
 * `opening`: reading the PIN record. `pin`: the PIN pad. `enrol`: the one-time code (no PIN yet, or
 * a forgotten one). `choose-pin`: right after an enrolment that must set the PIN. `overview`: the mode itself.
 */
export type TechStage = 'opening' | 'pin' | 'enrol' | 'choose-pin' | 'overview';

export type EnrolOutcome = { ok: true; terminal: TerminalIdentity } | { ok: false; code: string };

/** The log's way to the back office (src/sync/log-upload.ts); tests hand in a fake. */
export interface LogUpload {
  /** The seq of the last entry the back office has taken; 0 before the first export. */
  lastSeq: () => Promise<number>;
  /** Sends the entries; throws a BackOfficeError (its code says why) when they were not taken. */
  send: (exported: LogExport) => Promise<{ received: number; lastSeq: number }>;
}

/** The last export of the log: how many entries the back office took, or why it took none. */
export type LogExportOutcome = { ok: true; entries: number } | { ok: false; code: string };

/** Changing the PIN from the overview: the current one first, then the new one twice (`firstPin`). */
export type PinChangeStage = 'current' | 'new' | 'done';

export interface TechnicianDeps {
  db: KioskDb;
  /** The back office's enrolment (backOffice.enrolTerminal). */
  enrol: (body: EnrolRequest) => Promise<Enrolled>;
  /** Sends the outbox now (KioskOutbox.linkBack). */
  sendNow: () => void;
  /** Called once, when the mode closes (by the technician or by itself). */
  onleave: () => void;
  uploadLog: LogUpload;
  /** The page's query string: a tester's profile there overrides the stored one. */
  search?: string;
  /** When this page started (ms since the epoch): a profile saved after it is not running yet. */
  startedAt?: number;
  /** Starts the kiosk again, with the stored profile (location.reload). */
  reload?: () => void;
  now?: () => number;
  /** Runs `fn` after `ms`; returns what cancels it. Tests pass their own and fire it themselves. */
  schedule?: (fn: () => void, ms: number) => () => void;
  storage?: StorageApi;
}

const timeout = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

/**
 * Technician mode's state and every action in it, each logged with its time (audit-log.ts). The
 * screens show it and call its methods; all IO goes through the KioskDb and the functions handed in.
 */
export class Technician {
  stage = $state<TechStage>('opening');
  /** The PIN typed so far, never shown: the pad shows dots. */
  pin = $state('');
  verdict = $state<PinVerdict | null>(null);
  /** While a PIN is derived (about 0.1 s) or a code sent: the pad takes nothing. */
  busy = $state(false);
  /** On `choose-pin`: the first entry, once given; then the pad asks for it again. */
  firstPin = $state<string | null>(null);
  pinChoiceProblem = $state<PinProblem | 'mismatch' | null>(null);
  /** Whether this kiosk has a PIN: without one, only enrolment is offered. */
  hasPin = $state(false);
  terminal = $state<(TerminalIdentity & { enrolledAt: string }) | null>(null);
  enrolOutcome = $state<EnrolOutcome | null>(null);
  outbox = $state<OutboxSummary | null>(null);
  /** The journey telemetry still on this kiosk (src/telemetry/): records and folds waiting, refused for good. */
  telemetry = $state<{ journeys: number; folds: number; refused: number } | null>(null);
  storage = $state<StorageVerdict | null>(null);
  persisted = $state<boolean | null>(null);
  actions = $state<TechnicianLogRow[]>([]);
  exporting = $state(false);
  logExport = $state<LogExportOutcome | null>(null);
  /** The profile the kiosk runs with (the query string's, else the stored one, else the default). */
  profile = $state<ProfileChoice | null>(null);
  /** The profile being edited; null while the editor is closed. */
  draft = $state<DeviceProfile | null>(null);
  profileProblems = $state<ProfileProblem[] | null>(null);
  /** A profile was saved after this page started: it runs only after a restart. */
  restartPending = $state(false);
  pinChange = $state<PinChangeStage | null>(null);
  /** What the last outbox action did, for a short confirmation. */
  outboxNote = $state<'released' | 'send_requested' | null>(null);

  readonly #deps: TechnicianDeps;
  readonly #now: () => number;
  readonly #schedule: (fn: () => void, ms: number) => () => void;
  #cancelIdle: (() => void) | null = null;
  #left = false;
  /** What the kiosk starts with without a query string: where the editor starts from. */
  #stored: ProfileChoice | null = null;

  constructor(deps: TechnicianDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#schedule = deps.schedule ?? timeout;
  }

  /**
   * A kiosk the sandbox enrolled (an SBX- terminal) and that has no PIN gets the sandbox's PIN here,
   * when the mode first opens, rather than at enrolment in App.svelte: the sandbox is the only one
   * that gives SBX- ids, so a production kiosk never gets it, and the mode is the only reader of the PIN.
   */
  async open(): Promise<void> {
    this.touch();
    const { db } = this.#deps;
    await this.#readTerminal();
    if (this.terminal && SANDBOX_TERMINAL.test(this.terminal.terminalId)) await installSandboxPin(db, this.#now);
    this.hasPin = (await pinRecord(db)) !== null;
    this.stage = this.hasPin ? 'pin' : 'enrol';
  }

  /** Any touch on the mode's screens: the two minutes start again. */
  touch(): void {
    if (this.#left) return;
    this.#cancelIdle?.();
    this.#cancelIdle = this.#schedule(() => void this.leave('idle'), TECH_IDLE_MS);
  }

  typeDigit(digit: string): void {
    if (this.busy || this.pin.length >= 8) return;
    this.pin += digit;
    this.pinChoiceProblem = null;
  }

  erase(): void {
    if (!this.busy) this.pin = this.pin.slice(0, -1);
  }

  async submitPin(): Promise<void> {
    if (this.busy || this.pin.length === 0) return;
    this.busy = true;
    try {
      const verdict = await verifyPin(this.#deps.db, this.pin, this.#now);
      this.pin = '';
      this.verdict = verdict;
      if (verdict.ok) await this.#openOverview();
      else if (verdict.reason === 'no_pin') this.stage = 'enrol';
    } finally {
      this.busy = false;
    }
  }

  /** From the PIN pad: a forgotten PIN is replaced by enrolling again with a new code. */
  forgotPin(): void {
    this.pin = '';
    this.enrolOutcome = null;
    this.stage = 'enrol';
  }

  backToPin(): void {
    this.stage = 'pin';
  }

  /**
   * Enrols with a one-time code (XXXX-XXXX). From the PIN pad or a kiosk without a PIN, the
   * technician then chooses the PIN; from the overview, the PIN stays as it was.
   */
  async enrol(code: string): Promise<EnrolOutcome> {
    this.busy = true;
    try {
      const row = await enrolTerminal(this.#deps.db, code, this.#deps.enrol);
      const terminal = { terminalId: row.terminalId, centreId: row.centreId };
      await this.#log('enrolled', terminal);
      await this.#readTerminal();
      this.enrolOutcome = { ok: true, terminal };
      if (this.stage !== 'overview') {
        this.firstPin = null;
        this.pin = '';
        this.stage = 'choose-pin';
      }
    } catch (error) {
      const code = failureCode(error);
      await this.#log('enrolment_failed', { code });
      this.enrolOutcome = { ok: false, code };
    } finally {
      this.busy = false;
    }
    return this.enrolOutcome;
  }

  /** On `choose-pin`: the first entry is checked and kept, the second must match it. */
  async submitNewPin(): Promise<void> {
    if (this.busy) return;
    if (await this.#choosePin('enrolment')) {
      this.hasPin = true;
      await this.#openOverview();
    }
  }

  /** From the overview: the PIN pad for the current PIN, then the new one twice. */
  startPinChange(): void {
    this.pin = '';
    this.verdict = null;
    this.firstPin = null;
    this.pinChoiceProblem = null;
    this.pinChange = 'current';
    void this.screenOpened('pin-change');
  }

  cancelPinChange(): void {
    this.pin = '';
    this.firstPin = null;
    this.pinChange = null;
  }

  /**
   * The current PIN is checked as at entry — a wrong one counts towards the lockout and a locked
   * pad takes none — so an open mode left to a passer-by does not let them change the PIN.
   */
  async submitPinChange(): Promise<void> {
    if (this.busy || this.pin.length === 0) return;
    if (this.pinChange === 'current') {
      this.busy = true;
      try {
        this.verdict = await verifyPin(this.#deps.db, this.pin, this.#now);
        this.pin = '';
        if (this.verdict.ok) this.pinChange = 'new';
      } finally {
        this.busy = false;
      }
    } else if (this.pinChange === 'new' && (await this.#choosePin('technician'))) {
      this.pinChange = 'done';
      this.actions = await recentActions(this.#deps.db, 50);
    }
  }

  /** Reads what the overview shows: the outbox, the storage, the latest technician actions. */
  async refresh(): Promise<void> {
    const { db, storage } = this.#deps;
    const api = storage ?? globalThis.navigator?.storage;
    const [outbox, verdict, persisted, actions, telemetry] = await Promise.all([
      listOutbox(db, this.#now()),
      readStorage(api),
      api?.persisted ? api.persisted().catch(() => null) : Promise.resolve(null),
      recentActions(db, 50),
      telemetryWaiting(db),
    ]);
    this.outbox = outbox;
    this.telemetry = telemetry;
    this.storage = verdict;
    this.persisted = persisted;
    this.actions = actions;
  }

  /** Sends a quarantined packet again (after the cause was put right), and at once. */
  async release(applicationId: string): Promise<void> {
    const packet = this.outbox?.quarantinedPackets.find((p) => p.applicationId === applicationId);
    if (await releaseQuarantined(this.#deps.db, applicationId, this.#now())) {
      await this.#log('packet_released', { code: packet?.quarantine.code ?? 'unknown' });
      this.outboxNote = 'released';
      this.#deps.sendNow();
    }
    await this.refresh();
  }

  async sendNow(): Promise<void> {
    this.#deps.sendNow();
    await this.#log('sync_requested', {});
    this.outboxNote = 'send_requested';
    await this.refresh();
  }

  /**
   * Sends the back office the entries it does not have yet. The log stays on the kiosk either way
   * (it keeps its newest entries whatever is sent), so a failed export loses nothing and is tried again by hand.
   */
  async exportLog(): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    this.logExport = null;
    try {
      const { uploadLog, db } = this.#deps;
      const exported = await exportLog(db, await uploadLog.lastSeq());
      const { received, lastSeq } = await uploadLog.send(exported);
      await this.#log('log_exported', { entries: exported.entries, received, lastSeq });
      this.logExport = { ok: true, entries: exported.entries };
    } catch (error) {
      const code = failureCode(error);
      await this.#log('log_export_failed', { code });
      this.logExport = { ok: false, code };
    } finally {
      this.exporting = false;
    }
    await this.refresh();
  }

  /** Opens the profile editor on the stored profile (the one a restart runs), else the emulated preset. */
  editProfile(): void {
    const stored = this.#stored?.ok ? this.#stored.profile : null;
    this.draft = stored ? { ...stored, printer: { ...stored.printer } } : presetProfile('emulated');
    this.profileProblems = null;
    void this.screenOpened('profile');
  }

  choosePreset(preset: PresetName): void {
    this.draft = presetProfile(preset);
  }

  chooseSetting<F extends ProfileField>(field: F, value: ProfileSettings[F]): void {
    if (this.draft) this.draft = withSetting(this.draft, field, value);
  }

  cancelProfile(): void {
    this.draft = null;
    this.profileProblems = null;
  }

  /** Stores the draft (checked as it will be read back, and logged); the kiosk runs it after a restart. */
  async saveProfile(): Promise<void> {
    if (!this.draft || this.busy) return;
    this.busy = true;
    try {
      const saved = await saveProfile(this.#deps.db, $state.snapshot(this.draft), this.#now);
      this.profileProblems = saved.ok ? null : saved.problems;
      if (saved.ok) this.draft = null;
      await this.#readProfile();
      this.actions = await recentActions(this.#deps.db, 50);
    } finally {
      this.busy = false;
    }
  }

  /** Leaves the mode and starts the kiosk again, so the devices are chosen anew from the stored profile. */
  async restart(): Promise<void> {
    await this.#log('restart_requested', {});
    await this.leave('restart');
    (this.#deps.reload ?? (() => location.reload()))();
  }

  /** A device's self-test finished: logged with its verdict. */
  async selfTest(device: string, ok: boolean, code: string | null): Promise<void> {
    await this.#log('self_test', { device, ok, code });
    this.actions = await recentActions(this.#deps.db, 50);
  }

  /** The browser's chooser closed: whether a device was granted, or why it could not be asked. */
  async deviceGranted(device: string, granted: boolean, code: string | null): Promise<void> {
    await this.#log('device_granted', { device, granted, code });
    this.actions = await recentActions(this.#deps.db, 50);
  }

  async screenOpened(screen: string): Promise<void> {
    await this.#log('screen_opened', { screen });
  }

  /** Closes the mode once; `onleave` runs even if the log cannot be written. */
  async leave(reason: 'exit' | 'idle' | 'restart'): Promise<void> {
    if (this.#left) return;
    this.#left = true;
    this.dispose();
    try {
      await this.#log('mode_closed', { reason });
    } finally {
      this.#deps.onleave();
    }
  }

  /** Stops the idle timer (the component is going away). */
  dispose(): void {
    this.#cancelIdle?.();
    this.#cancelIdle = null;
  }

  async #openOverview(): Promise<void> {
    this.stage = 'overview';
    await this.#log('screen_opened', { screen: 'overview' });
    await Promise.all([this.refresh(), this.#readProfile()]);
  }

  /** The first entry is checked and kept, the second must match it; true once the PIN is set. */
  async #choosePin(source: 'enrolment' | 'technician'): Promise<boolean> {
    const pin = this.pin;
    this.pin = '';
    if (this.firstPin === null) {
      this.pinChoiceProblem = pinProblem(pin);
      if (this.pinChoiceProblem === null) this.firstPin = pin;
      return false;
    }
    if (pin !== this.firstPin) {
      this.firstPin = null;
      this.pinChoiceProblem = 'mismatch';
      return false;
    }
    this.busy = true;
    try {
      await setPin(this.#deps.db, pin, source, this.#now);
      this.firstPin = null;
      return true;
    } catch (error) {
      if (!(error instanceof PinError)) throw error;
      this.firstPin = null;
      this.pinChoiceProblem = error.code;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #readProfile(): Promise<void> {
    const { db, search, startedAt } = this.#deps;
    const [running, stored, savedAt] = await Promise.all([
      loadProfile(db, search ?? globalThis.location?.search ?? ''),
      loadProfile(db, ''),
      lastProfileSavedAt(db),
    ]);
    this.profile = running;
    this.#stored = stored;
    this.restartPending = savedAt !== null && savedAt > (startedAt ?? PAGE_STARTED_AT);
  }

  async #readTerminal(): Promise<void> {
    const row = await terminalOf(this.#deps.db);
    this.terminal = row ? { terminalId: row.terminalId, centreId: row.centreId, enrolledAt: row.enrolledAt } : null;
  }

  #log<K extends keyof TechnicianActions>(action: K, details: TechnicianActions[K]): Promise<void> {
    return logAction(this.#deps.db, action, details, this.#now);
  }
}
