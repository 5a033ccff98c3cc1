// The machine a bench ran on, as the report states it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { CHROMIUM_PATH } from '../e2e/support/chromium';

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return '?';
  }
}

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memory: string;
  chromium: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    date: run('date', ['-u']),
    nproc: availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? '?',
    memory: run('free', ['-g']),
    chromium: run(CHROMIUM_PATH, ['--version']),
    node: process.version,
  };
}

export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

/** The report's "### Machine" section: the CPU, the browser when the bench ran one, and the memory when asked. */
export function machineSection(m: Machine, { browser, memory }: { browser: boolean; memory: boolean }): string {
  const lines = ['### Machine', '', `- CPU: ${m.cpu}, nproc ${m.nproc}`, browser ? `- ${m.chromium}, Node ${m.node}` : `- Node ${m.node}`];
  if (memory) lines.push('- `free -g`:', '', '```', m.memory, '```');
  return lines.join('\n');
}
