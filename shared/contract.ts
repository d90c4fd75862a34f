import { z } from 'zod';
import {
  type Cooperative,
  cooperativeInputSchema,
  type Member,
  type MemberRow,
  memberExitSchema,
  memberIdSchema,
  memberInputSchema,
  memberQuerySchema,
  memberUpdateSchema,
} from './schemas';

// The one IPC contract between the renderer and the main process: for every channel, the schema its
// payload must satisfy (checked in the main process before any handler runs) and the type it answers.
const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

const none = z.object({}).strict();

export type AppMode = 'setup' | 'ready' | 'demo';
export interface AppStatus {
  mode: AppMode;
  cooperative: Cooperative | null;
  dataFile: string;
  memberCount: number;
}

export const languageSchema = z.enum(['km', 'en']);
export type Language = z.infer<typeof languageSchema>;
export interface Preferences {
  language: Language;
}

export const contract = {
  'prefs.get': channel<Preferences>()(none),
  'prefs.set': channel<Preferences>()(z.object({ language: languageSchema }).strict()),
  'app.status': channel<AppStatus>()(none),
  'app.openDemo': channel<AppStatus>()(none),
  'app.leaveDemo': channel<AppStatus>()(none),
  'cooperative.create': channel<AppStatus>()(cooperativeInputSchema.strict()),
  'cooperative.update': channel<Cooperative>()(cooperativeInputSchema.strict()),
  'members.list': channel<MemberRow[]>()(memberQuerySchema.strict()),
  'members.get': channel<Member>()(z.object({ id: memberIdSchema }).strict()),
  'members.create': channel<Member>()(memberInputSchema.strict()),
  'members.update': channel<Member>()(memberUpdateSchema.strict()),
  'members.exit': channel<Member>()(memberExitSchema.strict()),
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
export const channels = Object.keys(contract) as Channel[];

/** What the preload puts on `window`: the page's only way into the main process. */
export interface SahakumBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
}
export const BRIDGE_NAME = 'sahakum';
export const IPC_PREFIX = 'sahakum:';
