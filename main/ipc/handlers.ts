import { createCooperative, updateCooperative } from '../cooperative/profile';
import { createMember, exitMember, getMember, updateMember } from '../members/register';
import { listMembers } from '../members/search';
import type { PreferencesStore } from '../preferences';
import type { AppSession } from '../session';
import type { Handlers } from './router';

/** Every contract channel, answered by the business code of the session's open database. */
export function createHandlers(session: AppSession, preferences: PreferencesStore): Handlers {
  return {
    'prefs.get': async () => preferences.get(),
    'prefs.set': async (value) => preferences.set(value),
    'app.status': () => session.status(),
    'app.openDemo': () => session.openDemo(),
    'app.leaveDemo': () => session.leaveDemo(),
    'cooperative.create': async (input) => {
      await createCooperative(session.db, input, session.now());
      return session.status();
    },
    'cooperative.update': (input) => updateCooperative(session.db, input, session.now()),
    'members.list': (query) => listMembers(session.db, query),
    'members.get': ({ id }) => getMember(session.db, id),
    'members.create': (input) => createMember(session.db, input, session.now()),
    'members.update': (input) => updateMember(session.db, input, session.now()),
    'members.exit': (input) => exitMember(session.db, input, session.now()),
  };
}
