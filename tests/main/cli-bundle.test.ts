import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run cli` and the `sahakum` bin run bin/sahakum.cjs, which runs the bundle dist/main/cli.mjs and
// builds it first when it is missing or older than the code. The commands themselves are tested through
// tsx (cli.test.ts and the others); this is the path a user takes.

const LAUNCHER = join(process.cwd(), 'bin', 'sahakum.cjs');
const BUNDLE = join(process.cwd(), 'dist', 'main', 'cli.mjs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-cli-bundle-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sahakum = (...args: string[]) => spawnSync('node', [LAUNCHER, ...args], { cwd: dir, encoding: 'utf8' });

describe('the built command line', () => {
  it('builds its bundle when needed, then runs commands from it in any folder', () => {
    const help = sahakum('--help');
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('export hledger --db FILE --out FILE');
    const built = statSync(BUNDLE).mtimeMs;

    const init = sahakum(
      'init',
      '--db',
      'coop.db',
      '--name-km',
      'សហគមន៍កសិកម្ម ស្រូវសម្បូរ',
      '--founded',
      '2020-01-10',
    );
    expect(init.stderr).toBe('');
    expect(init.stdout).toBe('created សហគមន៍កសិកម្ម ស្រូវសម្បូរ (founded 2020-01-10) in coop.db\n');
    const trial = sahakum('report', 'trial-balance', '--db', 'coop.db', '--to', '2020-12-31');
    expect(trial.status).toBe(0);
    expect(trial.stdout.split('\n')[0]).toBe('line,currency,code,name_km,name_en,type,debit,credit');
    // Up to date: the second and third runs used the bundle the first one built.
    expect(statSync(BUNDLE).mtimeMs).toBe(built);
  });

  it('tells a mistyped command in one line with exit code 2, as through tsx', () => {
    const run = sahakum('report', 'trial-balance', '--db', 'none.db', '--colour', 'red');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'unknown option --colour (npm run cli -- --help shows the commands)',
    ]);
  });
});
