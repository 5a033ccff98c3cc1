import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { trustProxyFrom } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('trusts no proxy when unset', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom(' ')).toBe(false);
  });

  it('takes addresses and networks, or a number of hops', () => {
    expect(trustProxyFrom('10.0.0.5, 10.1.0.0/16,fd00::/8')).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
    const oneHop = trustProxyFrom('1');
    expect(typeof oneHop === 'function' && [oneHop('10.0.0.5', 0), oneHop('10.0.0.6', 1)]).toEqual([true, false]);
  });

  it('refuses "true" and anything that is not an address, rather than trust every X-Forwarded-For', () => {
    for (const value of ['true', 'lb.local', '10.0.0.0/33', '10.0.0.1/8/1']) expect(() => trustProxyFrom(value)).toThrow(/TRUST_PROXY/);
  });

  it('gives request.ip the client behind a trusted balancer, and the peer itself otherwise', async () => {
    const ipOf = async (trustProxy: ReturnType<typeof trustProxyFrom>, remoteAddress: string) => {
      const app = Fastify({ trustProxy });
      app.get('/', async (request) => request.ip);
      const response = await app.inject({ url: '/', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.9' } });
      await app.close();
      return response.body;
    };
    expect(await ipOf(trustProxyFrom('10.0.0.5'), '10.0.0.5')).toBe('203.0.113.9');
    expect(await ipOf(trustProxyFrom('10.0.0.5'), '198.51.100.1')).toBe('198.51.100.1');
    expect(await ipOf(trustProxyFrom('1'), '10.9.9.9')).toBe('203.0.113.9');
    expect(await ipOf(trustProxyFrom(undefined), '10.0.0.5')).toBe('10.0.0.5');
  });
});
