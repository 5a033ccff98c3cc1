import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, MAX_INT32 } from './common';

/*
 * A terminal's heartbeat: its health as the staff console's fleet view shows it (docs/api.md,
 * "Terminal heartbeat"). Counts, codes, sizes and times only — never an IIN, a name, a phone, an
 * image or an application id — so it travels in clear, signed as every terminal request is
 * (src/protocol/terminal-request.ts), which also names the terminal.
 */

export const HEARTBEAT_VERSION = 1;

/** Packets and seconds: an `integer` column. */
const Count = Type.Integer({ minimum: 0, maximum: MAX_INT32 });
/** Bytes of storage pass 2³¹; still exact in a double and in jsonb. */
const Bytes = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/**
 * A device's state: `ok`, `none` (the profile has no such device, e.g. no scanner but the camera),
 * or the device's own fault code (paper_out, printer_missing, camera_missing, pad_missing,
 * scanner_not_pos_mode, profile_invalid…). A pattern rather than a list, so a kiosk of a newer
 * version with a new code is still heard rather than refused.
 */
export const DeviceState = Type.String({ pattern: '^[a-z][a-z0-9_]{0,47}$' });
/** The driver the profile names (webusb, webhid, camera, touch, emulated…). */
export const DeviceDriver = Type.String({ pattern: '^[a-z][a-z0-9_]{0,23}$' });
export const DeviceHealth = Type.Object({ driver: DeviceDriver, state: DeviceState }, { additionalProperties: false });
export type DeviceHealth = Static<typeof DeviceHealth>;

export const HeartbeatDevices = Type.Object(
  { printer: DeviceHealth, camera: DeviceHealth, pad: DeviceHealth, scanner: DeviceHealth },
  { additionalProperties: false },
);
export type HeartbeatDevices = Static<typeof HeartbeatDevices>;

/** src/flow/readiness.svelte.ts OutOfOrder; a pattern for the same reason as DeviceState. */
export const ReadinessFault = Type.String({ pattern: '^[a-z][a-z0-9_]{0,47}$' });

export const Heartbeat = Type.Object(
  {
    v: Type.Literal(HEARTBEAT_VERSION),
    /** The kiosk's build (src/admin/app-version.ts). */
    appVersion: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$' }),
    outbox: Type.Object(
      {
        pending: Count,
        /** Seconds since the oldest pending packet was sealed; null when none is pending. */
        oldestPendingAgeS: Type.Union([Count, Type.Null()]),
        quarantined: Count,
      },
      { additionalProperties: false },
    ),
    devices: HeartbeatDevices,
    /** src/sync/storage.ts storageVerdict; null where the browser gives no estimate. */
    storage: Type.Union([
      Type.Object(
        {
          state: Type.Union([Type.Literal('ok'), Type.Literal('low'), Type.Literal('full')]),
          usageBytes: Bytes,
          quotaBytes: Bytes,
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    /** Why the start screen says out of order now (null: in order), the device's code if a device, and since when the kiosk saw it so. */
    readiness: Type.Object(
      {
        fault: Type.Union([ReadinessFault, Type.Null()]),
        detail: Type.Union([DeviceState, Type.Null()]),
        since: Type.Union([IsoDateTime, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    /** The last drain round the back office answered (src/sync/last-sync.ts); null before the first. */
    lastSyncAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Heartbeat = Static<typeof Heartbeat>;

/** POST /api/v1/terminals/heartbeat answers when the back office took it, by its own clock. */
export const HeartbeatReceived = Type.Object({ receivedAt: IsoDateTime }, { additionalProperties: false });
export type HeartbeatReceived = Static<typeof HeartbeatReceived>;

const OptionalTime = Type.Union([IsoDateTime, Type.Null()]);
const StorageReport = Type.Index(Heartbeat, ['storage']);
const OutboxReport = Type.Index(Heartbeat, ['outbox']);

/**
 * A terminal's health as the back office keeps it from its heartbeats (server/terminals/fleet.ts):
 * what the staff console's fleet view and the admin's terminal list show. `silent`: never heard from,
 * or not for more than 15 minutes (SILENT_AFTER_S). The rest is as the last heartbeat told it, null
 * before the first; `outOfOrderForS` is counted to the moment of the answer.
 */
export const TerminalHealth = Type.Object(
  {
    lastContactAt: OptionalTime,
    silent: Type.Boolean(),
    appVersion: Type.Union([Type.String(), Type.Null()]),
    outbox: Type.Union([OutboxReport, Type.Null()]),
    devices: Type.Union([HeartbeatDevices, Type.Null()]),
    storage: StorageReport,
    readiness: Type.Object(
      {
        fault: Type.Union([ReadinessFault, Type.Null()]),
        detail: Type.Union([DeviceState, Type.Null()]),
        outOfOrderSince: OptionalTime,
        outOfOrderForS: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    lastFault: Type.Union([Type.Object({ fault: ReadinessFault, at: IsoDateTime }, { additionalProperties: false }), Type.Null()]),
    lastSyncAt: OptionalTime,
  },
  { additionalProperties: false },
);
export type TerminalHealth = Static<typeof TerminalHealth>;

/** One terminal of the fleet view: who and where it is, and its health. */
export const FleetTerminal = Type.Object(
  {
    terminalId: Type.String(),
    centreId: Type.String(),
    /** The name a supervisor gave it (where it stands); null until named. */
    name: Type.Union([Type.String(), Type.Null()]),
    enrolledAt: OptionalTime,
    revokedAt: OptionalTime,
    health: TerminalHealth,
  },
  { additionalProperties: false },
);
export type FleetTerminal = Static<typeof FleetTerminal>;
export const FleetList = Type.Object({ terminals: Type.Array(FleetTerminal) }, { additionalProperties: false });
export type FleetList = Static<typeof FleetList>;
