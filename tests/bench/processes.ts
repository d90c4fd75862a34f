// The command line as a user runs it: whole processes of the built CLI (bin/sahakum.cjs builds
// dist/main/cli.mjs when it is stale), the hledger export's time and peak memory, and, where Debian's
// `ledger` is installed, its balance report beside the CLI's trial balance on the same books.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'main', 'cli.mjs');
// Printed by the child as it exits: its own peak resident memory, in KiB. Linux's VmHWM is the new
// program's own, where getrusage's maxRSS also counts the bench process the child was forked from.
const PEAK_ON_EXIT = `process.on('exit', () => {
  const status = process.platform === 'linux' ? process.getBuiltinModule('fs').readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /VmHWM:\\s*(\\d+)/.exec(status);
  process.stderr.write('peak ' + (hwm ? hwm[1] : process.resourceUsage().maxRSS) + ' ');
});`;
const REPORT_PEAK = `data:text/javascript,${encodeURIComponent(PEAK_ON_EXIT)}`;

interface Run {
  seconds: number;
  peakMiB: number;
  stdout: string;
}

function run(command: string, args: readonly string[]): Run {
  const started = performance.now();
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr || child.error}`);
  const peak = /peak (\d+)/.exec(child.stderr ?? '')?.[1];
  return { seconds, peakMiB: peak ? Number(peak) / 1024 : Number.NaN, stdout: child.stdout };
}

const cli = (...args: string[]) => run('node', ['--import', REPORT_PEAK, BUNDLE, ...args]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const installed = (program: string) => spawnSync(program, ['--version'], { encoding: 'utf8' }).status === 0;

const PAIRS = 3;

export function processFigures(file: string, dir: string, today: string): Figure[] {
  // Builds the bundle if the code is newer, as `npm run cli` does; not part of any figure.
  run('node', [join(ROOT, 'bin', 'sahakum.cjs'), '--help']);
  const figures: Figure[] = [];

  const help = median(Array.from({ length: 5 }, () => cli('--help').seconds));
  figures.push({
    what: 'CLI start, --help (whole process, median of 5)',
    value: `${(help * 1000).toFixed(0)} ms`,
  });
  const trialArgs = ['report', 'trial-balance', '--db', file, '--to', today];
  const trial = Array.from({ length: 5 }, () => cli(...trialArgs));
  const trialSeconds = median(trial.map((r) => r.seconds));
  figures.push({
    what: 'CLI trial balance (whole process, median of 5)',
    value: `${(trialSeconds * 1000).toFixed(0)} ms`,
    detail: `${trial[0]?.stdout.trim().split('\n').length ?? 0} CSV lines, peak ${Math.round(trial[0]?.peakMiB ?? 0)} MiB`,
  });

  const journal = join(dir, 'books.journal');
  const exported = cli('export', 'hledger', '--db', file, '--out', journal);
  figures.push({
    what: 'CLI export hledger, whole ledger (whole process)',
    value: `${exported.seconds.toFixed(1)} s`,
    target: { label: '< 15 s', pass: exported.seconds < 15 },
    detail: `${(statSync(journal).size / 1_048_576).toFixed(0)} MiB written`,
  });
  figures.push({
    what: 'CLI export hledger, peak memory',
    value: `${Math.round(exported.peakMiB)} MiB`,
    target: { label: '< 300 MiB', pass: exported.peakMiB < 300 },
  });

  if (!installed('ledger')) {
    figures.push({
      what: 'ledger bal beside the CLI trial balance',
      value: 'skipped',
      detail: 'ledger not installed',
    });
    return figures;
  }
  // Alternately, so that a machine busy with something else slows both alike.
  const ratios: number[] = [];
  const ledgerSeconds: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const ledger = run('ledger', ['-f', journal, 'bal']).seconds;
    const ours = cli(...trialArgs).seconds;
    ledgerSeconds.push(ledger);
    ratios.push(ledger / ours);
  }
  const ratio = median(ratios);
  figures.push({
    what: `ledger bal ÷ CLI trial balance, same books (median of ${PAIRS} alternate pairs)`,
    value: `${ratio.toFixed(0)}×`,
    target: { label: '≥ 100×', pass: ratio >= 100 },
    detail: `ledger ${median(ledgerSeconds).toFixed(1)} s; ratios ${ratios.map((r) => r.toFixed(0)).join(', ')}`,
  });
  return figures;
}

/**
 * Every member's statement over the whole history (about 26,000 pages, far over the in-memory page limit),
 * streamed to a file by the built CLI in a process of its own: its time and its peak memory.
 */
export function longReportFigures(file: string, dir: string): Figure[] {
  run('node', [join(ROOT, 'bin', 'sahakum.cjs'), '--help']);
  const out = join(dir, 'every-statement.pdf');
  const made = cli(
    'report',
    'member-statement',
    '--db',
    file,
    '--member',
    'all',
    '--format',
    'pdf',
    '--out',
    out,
  );
  // pdfkit writes no object streams: every page object is visible.
  const pages = (
    readFileSync(out)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  const size = `${(statSync(out).size / 1_048_576).toFixed(0)} MiB`;
  return [
    {
      what: 'every member statement, whole history, streamed (CLI, whole process)',
      value: `${made.seconds.toFixed(1)} s`,
      detail: `${pages.toLocaleString('en')} pages, ${size}`,
    },
    {
      what: 'every member statement, whole history, peak memory',
      value: `${Math.round(made.peakMiB)} MiB`,
      target: { label: '< 600 MiB', pass: made.peakMiB < 600 },
    },
  ];
}
