import { isRealIsoDate } from '../../shared/khmer';

/** A mistake in how the command was typed, as opposed to a refusal of what it asked for. */
export class UsageError extends Error {}

export interface CommandLine {
  /** The command and sub-command, e.g. ['members', 'import']. */
  words: string[];
  options: Map<string, string>;
  help: boolean;
}

/** Splits `members import --db a.db --file=m.csv` into words and `--name value` options. */
export function readCommandLine(argv: readonly string[]): CommandLine {
  const words: string[] = [];
  const options = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (!arg.startsWith('--')) words.push(arg);
    else {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals === -1 ? undefined : equals);
      const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
      // '--db --file x' is a forgotten value, not a file called '--file'.
      if (value === undefined || (equals === -1 && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      if (options.has(name)) throw new UsageError(`--${name} is given twice`);
      options.set(name, value);
    }
  }
  return { words, options, help };
}

/** The options one command accepts; any other option is refused rather than silently ignored. */
export class CommandOptions {
  constructor(
    private readonly options: ReadonlyMap<string, string>,
    allowed: readonly string[],
  ) {
    for (const name of options.keys()) {
      if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    }
  }

  optional(name: string): string | undefined {
    return this.options.get(name);
  }

  required(name: string): string {
    const value = this.options.get(name);
    if (value === undefined) throw new UsageError(`--${name} is required`);
    return value;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.options.get(name) ?? fallback;
    const choice = choices.find((c) => c === value);
    if (choice === undefined) throw new UsageError(`--${name} must be one of: ${choices.join(', ')}`);
    return choice;
  }

  integer(name: string, fallback: number, min: number): number {
    const text = this.options.get(name);
    if (text === undefined) return fallback;
    const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new UsageError(`--${name} must be a whole number of at least ${min}`);
    }
    return value;
  }
}

/** A date option, if given, as a real YYYY-MM-DD date. */
export function dateOption(options: CommandOptions, name: string): string | undefined {
  const value = options.optional(name);
  if (value !== undefined && !isRealIsoDate(value)) {
    throw new UsageError(`--${name} must be a real date written YYYY-MM-DD`);
  }
  return value;
}

/** The day an at-date report is for: --to, or its synonym --as-of. */
export function asOfOption(options: CommandOptions): string {
  const to = dateOption(options, 'to');
  const asOf = dateOption(options, 'as-of');
  if (to !== undefined && asOf !== undefined)
    throw new UsageError('--to and --as-of mean the same: give one');
  const date = to ?? asOf;
  if (date === undefined) throw new UsageError('--to is required');
  return date;
}

/** A period report's days: --from (1 January of the --to year unless given) to --to. */
export function periodOption(options: CommandOptions): { from: string; to: string } {
  const to = dateOption(options, 'to');
  if (to === undefined) throw new UsageError('--to is required');
  const from = dateOption(options, 'from') ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new UsageError('--from must not be after --to');
  return { from, to };
}
