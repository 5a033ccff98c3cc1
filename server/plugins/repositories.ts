import fp from 'fastify-plugin';
import { ConsoleApplicationsRepository } from '../console/console-applications';
import { ApplicationChecksRepository } from '../repositories/application-checks';
import { ApplicationsRepository } from '../repositories/applications';
import { IdentificationsRepository } from '../repositories/identifications';
import { PacketsRepository } from '../repositories/packets';
import { PaymentsRepository } from '../repositories/payments';
import { PhoneVerificationsRepository } from '../repositories/phone-verifications';
import { RequestNoncesRepository } from '../repositories/request-nonces';
import { TerminalHeartbeatsRepository } from '../repositories/terminal-heartbeats';
import { TerminalLogRepository } from '../repositories/terminal-log';
import { TerminalsRepository } from '../repositories/terminals';

declare module 'fastify' {
  interface FastifyInstance {
    phoneVerifications: PhoneVerificationsRepository;
    identifications: IdentificationsRepository;
    payments: PaymentsRepository;
    applications: ApplicationsRepository;
    applicationChecks: ApplicationChecksRepository;
    terminals: TerminalsRepository;
    packets: PacketsRepository;
    terminalLog: TerminalLogRepository;
    terminalHeartbeats: TerminalHeartbeatsRepository;
    requestNonces: RequestNoncesRepository;
    /** The staff console's reads of applications (server/console/). */
    consoleApplications: ConsoleApplicationsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('phoneVerifications', new PhoneVerificationsRepository(app.db));
    app.decorate('identifications', new IdentificationsRepository(app.db));
    app.decorate('payments', new PaymentsRepository(app.db));
    app.decorate('applications', new ApplicationsRepository(app.db));
    app.decorate('applicationChecks', new ApplicationChecksRepository(app.db));
    app.decorate('terminals', new TerminalsRepository(app.db));
    app.decorate('packets', new PacketsRepository(app.db));
    app.decorate('terminalLog', new TerminalLogRepository(app.db));
    app.decorate('terminalHeartbeats', new TerminalHeartbeatsRepository(app.db));
    app.decorate('requestNonces', new RequestNoncesRepository(app.db));
    app.decorate('consoleApplications', new ConsoleApplicationsRepository(app.db));
  },
  { name: 'repositories', dependencies: ['core'] },
);
