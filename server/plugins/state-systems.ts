import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { MobileCitizensBase } from '../adapters/bmg';
import type { PaymentGateway } from '../adapters/payments';
import type { PopulationRegistry } from '../adapters/registry';
import { SandboxBmg } from '../adapters/sandbox-bmg';
import { SandboxPayments } from '../adapters/sandbox-payments';
import { SandboxRegistry } from '../adapters/sandbox-registry';
import { SandboxSms } from '../adapters/sandbox-sms';
import type { SmsGateway } from '../adapters/sms';
import { seedSandbox } from '../seed/seed-sandbox';
import { loadRealRegistryFaces, type FaceSource } from '../seed/faces';

/** The adapters to the state systems the back office talks to. */
export interface StateSystems {
  registry: PopulationRegistry;
  bmg: MobileCitizensBase;
  sms: SmsGateway;
  paymentGateway: PaymentGateway;
}

/** The sandbox's own handles, for the tester pages; null when real systems are in use. */
export interface SandboxHandles {
  sms: SandboxSms;
  payments: SandboxPayments;
}

export interface SandboxOptions {
  /** Registry photos for seeding; the real face cutter by default (seconds of work on first start). */
  faces?: FaceSource;
  /** Seed synthetic citizens when the registry is empty; on by default. */
  seed?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance extends StateSystems {
    sandbox: SandboxHandles | null;
  }
}

export type StateSystemsOptions = { systems: StateSystems } | { sandbox: SandboxOptions };

export default fp<StateSystemsOptions>(
  async (app, options) => {
    if ('systems' in options) {
      decorateSystems(app, options.systems);
      app.decorate('sandbox', null);
      return;
    }
    const sms = new SandboxSms(app.db, app.clock);
    const payments = new SandboxPayments(app.db, app.clock);
    decorateSystems(app, { registry: new SandboxRegistry(app.db), bmg: new SandboxBmg(app.db), sms, paymentGateway: payments });
    app.decorate('sandbox', { sms, payments });
    if (options.sandbox.seed !== false) {
      const added = await seedSandbox(app.db, { today: app.today(), faces: options.sandbox.faces ?? loadRealRegistryFaces });
      if (added > 0) app.log.info({ citizens: added }, 'sandbox registry seeded');
    }
  },
  { name: 'state-systems', dependencies: ['core'] },
);

function decorateSystems(app: FastifyInstance, systems: StateSystems): void {
  app.decorate('registry', systems.registry);
  app.decorate('bmg', systems.bmg);
  app.decorate('sms', systems.sms);
  app.decorate('paymentGateway', systems.paymentGateway);
}
