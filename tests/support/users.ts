import type { Backend } from '../../main/backend';
import { DEMO_PASSWORD } from '../../shared/users';

/** The administrator every test cooperative gets, as the first-run wizard's last step makes one. */
export const TEST_ADMIN = { username: 'admin', displayName: 'ហេង សុភា', password: 'correct horse' } as const;

/**
 * Signs the backend's session in as the test administrator, creating them first on books that have no
 * users yet, so that the router lets the test's calls through as the app's screens would be let.
 */
export async function signInAdmin(backend: Backend): Promise<void> {
  const status = await backend.router.dispatch('app.status', {});
  const auth = status.ok ? (status.value as { auth: string }).auth : 'none';
  let result =
    auth === 'createAdmin'
      ? await backend.router.dispatch('auth.createFirstAdmin', TEST_ADMIN)
      : await backend.router.dispatch('auth.signIn', {
          username: TEST_ADMIN.username,
          password: TEST_ADMIN.password,
        });
  // A demo made by the test has the demo's own administrator.
  if (!result.ok && auth === 'signIn') {
    result = await backend.router.dispatch('auth.signIn', { username: 'admin', password: DEMO_PASSWORD });
  }
  if (!result.ok) throw new Error(`could not sign in: ${JSON.stringify(result.error)}`);
}
