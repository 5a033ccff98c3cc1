import type { LimitRule } from './verdict';

/*
 * Per-terminal and per-address limits. Reasons in docs/security.md, "Limits"; the phone's own
 * limits (wrong codes, SMS) are in server/phone/policy.ts.
 */

const perMinute = (name: string, limit: number): LimitRule => ({ name, limit, windowS: 60 });

/**
 * Calls a terminal makes for its citizen, each counted per terminal per minute. A terminal serves one
 * citizen at a time, and typing an IIN alone takes a person 15 s or more, so even a queue of citizens
 * refused at once makes no more than four lookups a minute, and one citizen at most three tries of a
 * face match or two payments. Ten leaves room for all of that; the payment's status is a long poll
 * while the citizen pays, asked again at most once a second (src/steps/payment-poll.ts), so it gets
 * twice that.
 */
export const TERMINAL_LOOKUPS = {
  citizens_check: perMinute('terminal_citizens_check_1m', 10),
  phone_start: perMinute('terminal_phone_start_1m', 10),
  identify: perMinute('terminal_identify_1m', 10),
  payment_create: perMinute('terminal_payment_create_1m', 10),
  payment_status: perMinute('terminal_payment_status_1m', 120),
  /**
   * Not a lookup but the terminal's own heartbeat (src/sync/heartbeat.ts), one a minute and never
   * retried: ten leaves room for a kiosk reloaded a few times in a minute, and no more.
   */
  heartbeat: perMinute('terminal_heartbeat_1m', 10),
  /** The reference data (src/sync/reference-data.ts): once a start and once an hour; ten as the heartbeat's. */
  reference_data: perMinute('terminal_reference_data_1m', 10),
  /**
   * The journeys' telemetry (src/protocol/telemetry.ts), with each drain: a batch holds up to 200
   * journeys, a day's at a busy terminal, so a kiosk back from days offline catches up in a few
   * batches; twenty a minute lets it, and no flood.
   */
  telemetry: perMinute('terminal_telemetry_1m', 20),
} as const satisfies Record<string, LimitRule>;
export type TerminalLookup = keyof typeof TERMINAL_LOOKUPS;

/**
 * Routes anyone may call, counted per client address. Every kiosk of a centre may share one address
 * behind the centre's router, and a mobile operator puts many phones behind one; the numbers are
 * sized for that, not for one person.
 */
export const ADDRESS_LIMITS = {
  /** Each kiosk asks once a minute (src/App.svelte), and a monitor may too: 120 serves a large centre. */
  health: perMinute('address_health_1m', 120),
  /** The tracking QR on a receipt: a family checks a few; guessing 36¹² numbers is hopeless anyway. */
  tracking: perMinute('address_tracking_1m', 30),
  /** A technician enrols a kiosk in a minute or more; codes are 31⁸ and live for hours, so guessing is the threat. */
  enrol: { name: 'address_enrol_1h', limit: 20, windowS: 3600 },
} as const satisfies Record<string, LimitRule>;
export type AddressLimit = keyof typeof ADDRESS_LIMITS;
