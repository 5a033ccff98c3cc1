// The terminals page's state: the fleet, the centres a terminal may be put in, the code just
// issued, and the changes a supervisor makes (server/staff/terminal-management-routes.ts). Each
// change reloads the fleet, so the page shows what the back office holds, not what it was sent.
import { FleetList, type FleetTerminal } from '../src/protocol/heartbeat';
import { TerminalCreated } from '../src/protocol/packets';
import { ManagedTerminal, TerminalCentres, type StaffEnrolRequest } from '../src/protocol/staff-terminals';
import { call, type ConsoleError } from './api';
import { asConsoleError, changeThenReload } from './page-change';


export class TerminalsPage {
  terminals = $state<FleetTerminal[] | null>(null);
  centres = $state<TerminalCentres['centres']>([]);
  /** Why the fleet could not be read. */
  failure = $state<ConsoleError | null>(null);
  /** The one-time code just issued: shown once, forgotten when the supervisor closes it. */
  issued = $state<TerminalCreated | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    try {
      const [fleet, centres] = await Promise.all([call('GET', '/terminals', FleetList), call('GET', '/terminals/centres', TerminalCentres)]);
      this.terminals = fleet.terminals;
      this.centres = centres.centres;
      this.failure = null;
    } catch (error) {
      this.failure = asConsoleError(error);
    }
  }

  /** Null when done; else the refusal, for the form to say. */
  async enrol(request: StaffEnrolRequest): Promise<ConsoleError | null> {
    return changeThenReload(this, async () => {
      this.issued = await call('POST', '/terminals', TerminalCreated, request);
    });
  }

  rename(terminalId: string, name: string | null): Promise<ConsoleError | null> {
    return changeThenReload(this, () => call('PUT', `/terminals/${encodeURIComponent(terminalId)}/name`, ManagedTerminal, { name }));
  }

  move(terminalId: string, centreId: string): Promise<ConsoleError | null> {
    return changeThenReload(this, () => call('PUT', `/terminals/${encodeURIComponent(terminalId)}/centre`, ManagedTerminal, { centreId }));
  }

  revoke(terminalId: string): Promise<ConsoleError | null> {
    return changeThenReload(this, () => call('POST', `/terminals/${encodeURIComponent(terminalId)}/revoke`, ManagedTerminal));
  }
}
