import { isValidDate } from '../src/domain/dates';
import { ConfigError } from './config-error';

/**
 * The back office's clock: the real one, except in the sandbox, where BACK_OFFICE_CLOCK (an ISO
 * instant, e.g. 2027-01-04T09:00:00+05:00) sets where it starts and time runs on from there, so an
 * e2e journey walks a given date (e2e/dated-journeys.spec.ts). Outside the sandbox it refuses to
 * start rather than run a production server on a made-up date.
 */
export function backOfficeClock(env: Readonly<Record<string, string | undefined>>, realNow: () => number = Date.now): () => Date {
  const start = env.BACK_OFFICE_CLOCK;
  if (!start) return () => new Date(realNow());
  if (env.SANDBOX !== '1') throw new ConfigError('BACK_OFFICE_CLOCK is honoured only with SANDBOX=1');
  const at = Date.parse(start);
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.exec(start) ?? [];
  // Date.parse takes 30 February as 2 March: the calendar is checked on its own.
  if (Number.isNaN(at) || !isValidDate(Number(year), Number(month), Number(day))) {
    throw new ConfigError(`BACK_OFFICE_CLOCK must be an ISO date-time with an offset, got ${JSON.stringify(start)}`);
  }
  const offset = at - realNow();
  return () => new Date(realNow() + offset);
}
