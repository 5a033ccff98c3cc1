// Which state systems the back office talks to, decided in one place from its environment: the
// sandbox only when asked for, otherwise the adapters a deployment names (docs/deployment.md).
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from './config-error';
import type { SandboxOptions, StateSystems } from './plugins/state-systems';

export type StateSystemsChoice = { sandbox: SandboxOptions } | { sandbox: false; systems: StateSystems };

const ADAPTERS: Record<keyof StateSystems, readonly string[]> = {
  registry: ['findPerson', 'referenceDescriptor', 'referencePhoto'],
  bmg: ['phoneFor'],
  sms: ['send'],
  paymentGateway: ['createInvoice', 'status', 'findByReference'],
};

/**
 * SANDBOX=1: synthetic citizens and the tester tools, for a try-out on one's own machine.
 * Otherwise STATE_SYSTEMS names a module whose `createStateSystems(env)` gives the real adapters.
 * Anything else stops the start with a message: a back office that quietly ran the sandbox on a
 * network would hand every SMS code to whoever asks.
 */
export async function stateSystemsFromEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<StateSystemsChoice> {
  const sandbox = env.SANDBOX ?? '';
  if (sandbox !== '' && sandbox !== '0' && sandbox !== '1') throw new ConfigError(`SANDBOX=${sandbox}: use SANDBOX=1 to turn the sandbox on, or leave it unset`);
  if (sandbox === '1') {
    if (env.STATE_SYSTEMS) throw new ConfigError('SANDBOX=1 and STATE_SYSTEMS are both set: choose the sandbox or the real state systems');
    return { sandbox: {} };
  }
  const module = env.STATE_SYSTEMS;
  if (!module) {
    throw new ConfigError(
      'no state systems: set STATE_SYSTEMS=<module> to the adapters of the population registry, БМГ, SMS and payment gateways (docs/deployment.md), or SANDBOX=1 to try the back office with synthetic citizens on this machine',
    );
  }
  const url = pathToFileURL(isAbsolute(module) ? module : resolve(cwd, module)).href;
  const loaded = (await import(url)) as { createStateSystems?: (env: NodeJS.ProcessEnv) => StateSystems | Promise<StateSystems> };
  if (typeof loaded.createStateSystems !== 'function') throw new ConfigError(`STATE_SYSTEMS=${module} exports no createStateSystems(env)`);
  return { sandbox: false, systems: checkAdapters(await loaded.createStateSystems(env), module) };
}

function checkAdapters(systems: StateSystems, module: string): StateSystems {
  for (const [name, methods] of Object.entries(ADAPTERS) as [keyof StateSystems, readonly string[]][]) {
    const adapter = systems[name] as unknown as Record<string, unknown> | undefined;
    const missing = methods.filter((method) => typeof adapter?.[method] !== 'function');
    if (missing.length > 0) throw new ConfigError(`STATE_SYSTEMS=${module}: ${name} has no ${missing.join(', ')}`);
  }
  return systems;
}
