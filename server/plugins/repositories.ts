import fp from 'fastify-plugin';
import { ApplicationsRepository } from '../repositories/applications';
import { IdentificationsRepository } from '../repositories/identifications';
import { PaymentsRepository } from '../repositories/payments';
import { PhoneVerificationsRepository } from '../repositories/phone-verifications';

declare module 'fastify' {
  interface FastifyInstance {
    phoneVerifications: PhoneVerificationsRepository;
    identifications: IdentificationsRepository;
    payments: PaymentsRepository;
    applications: ApplicationsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('phoneVerifications', new PhoneVerificationsRepository(app.db));
    app.decorate('identifications', new IdentificationsRepository(app.db));
    app.decorate('payments', new PaymentsRepository(app.db));
    app.decorate('applications', new ApplicationsRepository(app.db));
  },
  { name: 'repositories', dependencies: ['core'] },
);
