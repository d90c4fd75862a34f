import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageSchema, type Preferences } from '../shared/contract';

const DEFAULTS: Preferences = { language: 'km' };

/**
 * This laptop's choices (the language), kept beside the database rather than in it: they belong to the
 * person at the laptop, not to the cooperative's books, and apply before any cooperative exists.
 */
export class PreferencesStore {
  readonly #file: string;
  #value: Preferences;
  readonly #listeners: ((value: Preferences) => void)[] = [];

  constructor(dataDir: string) {
    this.#file = join(dataDir, 'preferences.json');
    this.#value = this.#read();
  }

  #read(): Preferences {
    try {
      const stored = JSON.parse(readFileSync(this.#file, 'utf8')) as { language?: unknown };
      const language = languageSchema.safeParse(stored.language);
      return { language: language.success ? language.data : DEFAULTS.language };
    } catch {
      return { ...DEFAULTS };
    }
  }

  get(): Preferences {
    return { ...this.#value };
  }

  set(value: Preferences): Preferences {
    this.#value = { ...value };
    const temporary = `${this.#file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.#value, null, 2));
    renameSync(temporary, this.#file);
    for (const listener of this.#listeners) listener(this.get());
    return this.get();
  }

  onChange(listener: (value: Preferences) => void): void {
    this.#listeners.push(listener);
  }
}
