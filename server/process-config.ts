// The parts of the back office's environment read as plain values, each refused with a ConfigError
// that says what to set (the rest: state-systems-config.ts, limits/trust-proxy.ts, clock.ts).
import { Value } from '@sinclair/typebox/value';
import { PublicUrl } from '../src/protocol/packets';
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

const PUBLIC_URL_EXAMPLE = 'e.g. PUBLIC_URL=https://kiosk.example.kz: the receipt\'s QR opens PUBLIC_URL/track/<number> on a citizen\'s phone';

/**
 * PUBLIC_URL: the address a citizen's phone reaches this back office at, put in every receipt's QR
 * (docs/deployment.md). Required outside the sandbox, and https there: the kiosk's own address is
 * a centre's network that no phone can reach. The sandbox takes http too and defaults to where it
 * listens (http://HOST:PORT, 127.0.0.1 for a wildcard HOST), good only on the same machine.
 * Returned without a trailing slash; a path is kept (a back office behind a proxy's prefix).
 */
export function publicUrlFrom(value: string | undefined, where: { sandbox: boolean; host: string; port: number }): string {
  if (value === undefined || value === '') {
    if (!where.sandbox) throw new ConfigError(`PUBLIC_URL is not set: give the back office's public address, an absolute https URL (${PUBLIC_URL_EXAMPLE})`);
    if (where.port === 0) throw new ConfigError('PUBLIC_URL is not set and PORT=0: the sandbox cannot know its own address; set PORT or PUBLIC_URL');
    return `http://${urlHost(where.host)}:${where.port}`;
  }
  const url = URL.canParse(value) ? new URL(value) : null;
  const schemes = where.sandbox ? ['https:', 'http:'] : ['https:'];
  if (!url || !schemes.includes(url.protocol) || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || !/^https?:\/\//i.test(value)) {
    throw new ConfigError(`PUBLIC_URL=${value}: give an absolute ${where.sandbox ? 'http(s)' : 'https'} URL without user, query or fragment (${PUBLIC_URL_EXAMPLE})`);
  }
  const publicUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  // What the kiosk will take (src/protocol/packets.ts): a URL it refused would fail every enrolment.
  if (!Value.Check(PublicUrl, publicUrl)) throw new ConfigError(`PUBLIC_URL=${value}: not an address a kiosk takes (${PUBLIC_URL_EXAMPLE})`);
  return publicUrl;
}

/** The listening host as a URL's: a wildcard is this machine, an IPv6 address goes in brackets. */
function urlHost(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
