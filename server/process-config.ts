// The parts of the back office's environment read as plain values, each refused with a ConfigError
// that says what to set (the rest: state-systems-config.ts, limits/trust-proxy.ts, clock.ts).
import { ConfigError } from './config-error';

/** PORT: 8080 unless set; a TCP port, or 0 for any free one (as the tests start it). */
export function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) throw new ConfigError(`PORT=${value}: give a TCP port from 1 to 65535`);
  return port;
}

/**
 * CODE_SECRET: the SMS codes' HMAC key, the same on every process behind a load balancer; null
 * when unset (one is made and kept in DATA_DIR). At least 32 bytes in hex: Buffer.from would make
 * a shorter or empty key of anything else without a word.
 */
export function codeSecretFrom(value: string | undefined): Uint8Array | null {
  if (value === undefined || value === '') return null;
  if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(value)) throw new ConfigError('CODE_SECRET must be at least 32 bytes in hex (64 hex digits), e.g. from `openssl rand -hex 32`');
  return Buffer.from(value, 'hex');
}
