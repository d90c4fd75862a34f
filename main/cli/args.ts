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
