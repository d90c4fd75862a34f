import { DomainError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import type { AppSession } from '../session';
import { changePassword, createUser, listUsers, resetPassword, updateUser } from './users';

type UserChannels =
  | 'auth.createFirstAdmin'
  | 'auth.signIn'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.signOut'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword';

/** Signing in and out, the lock, and the administrator's users screen. */
export function userHandlers(session: AppSession): Pick<Handlers, UserChannels> {
  // The router lets these through only for someone signed in: this is for the type checker.
  const me = () => {
    const user = session.user;
    if (!user) throw new DomainError('signed_out');
    return user;
  };
  return {
    'auth.createFirstAdmin': (input) => session.createFirstAdmin(input),
    'auth.signIn': ({ username, password }) => session.signIn(username, password),
    'auth.unlock': ({ password }) => session.unlock(password),
    'auth.lock': () => session.lock(),
    'auth.signOut': () => session.signOut(),
    'auth.changePassword': ({ current, password }) => changePassword(session.db, me().id, current, password),
    'users.list': () => listUsers(session.db),
    'users.create': (input) => createUser(session.db, input, session.now().timestamp),
    'users.update': async (input) => {
      const updated = await updateUser(session.db, input, me().id);
      await session.refreshUser();
      return updated;
    },
    'users.resetPassword': ({ id, password }) => resetPassword(session.db, id, password),
  };
}
