import fp from 'fastify-plugin';
import { sendCitizenSms } from '../jobs/citizen-sms';
import { JobQueue } from '../jobs/job-queue';
import { adoptOrphans } from '../jobs/orphans';
import { ensureWeeklyReportPlanned, runWeeklyReportJob } from '../reports/weekly-report-job';
import type { DeferredChecks } from '../sync/settle-application';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database's job queue (server/jobs/, docs/jobs.md). */
    jobs: JobQueue;
  }
}

export interface JobsOptions {
  /** What the settle and re-check jobs run on an application (settleApplication, or nothing when checks are off). */
  deferredChecks: DeferredChecks;
  /** Whether this process runs jobs (the default), or only queues them for other processes (tests that drain by hand). */
  workers?: boolean;
  pollingIntervalMs?: number;
}

export default fp<JobsOptions>(
  async (app, options) => {
    const jobs = await JobQueue.start(app.db, { log: app.log, ...(options.pollingIntervalMs ? { pollingIntervalMs: options.pollingIntervalMs } : {}) });
    const runChecks = async (applicationId: string, attempt: number) => {
      const payload = await app.packets.payload(applicationId);
      if (!payload) throw new Error(`no packet for application ${applicationId}`);
      await options.deferredChecks(payload, app, { attempt });
    };
    jobs.handle({
      settle: ({ applicationId }) => runChecks(applicationId, 0),
      recheck: ({ applicationId, attempt }) => runChecks(applicationId, attempt),
      sms: (key) => sendCitizenSms(app.db, app.sms, app.clock, key),
      'weekly-report': ({ week }) => runWeeklyReportJob(app.db, jobs, week, app.clock()),
    });
    app.decorate('jobs', jobs);
    app.addHook('onReady', async () => {
      const adopted = await adoptOrphans(app.db, jobs);
      if (adopted > 0) app.log.warn({ applications: adopted }, 'applications pending without a job are looked at again');
      await ensureWeeklyReportPlanned(jobs, app.clock());
      if (options.workers !== false) jobs.startWorkers();
    });
    app.addHook('onClose', () => jobs.stop());
  },
  { name: 'jobs', dependencies: ['core', 'repositories', 'state-systems'] },
);
