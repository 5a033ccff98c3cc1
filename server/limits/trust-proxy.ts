import { isIP } from 'node:net';
import { ConfigError } from '../config-error';

/**
 * Fastify's `trustProxy` from TRUST_PROXY: the load balancer's addresses or networks, comma-separated
 * ("10.0.0.5, 10.1.0.0/16"), or a number of proxy hops. Unset: no proxy is trusted and request.ip is
 * the peer's address. `true` (trust any X-Forwarded-For) is refused: anyone could then pick the
 * address each per-address limit counts by.
 */
export function trustProxyFrom(value: string | undefined): false | string[] | ((address: string, hop: number) => boolean) {
  const text = value?.trim() ?? '';
  if (text === '') return false;
  if (/^\d{1,2}$/.test(text)) {
    // The nth hop from this server (Fastify's types leave out its numeric form, so said as a function).
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const version = isIP(address ?? '');
    const maxBits = version === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (version === 0 || !bitsOk || rest.length > 0) {
      throw new ConfigError(`TRUST_PROXY: "${entry}" is not an address or network; give the load balancer's, or a number of hops`);
    }
  }
  return entries;
}
