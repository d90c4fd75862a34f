import { createContext, type ReactNode, useContext } from 'react';
import { type Permission, type Role, roleMay } from '../../shared/users';

// The role of whoever is signed in, for hiding what the main process would refuse. Outside the
// workspace (the first-run wizard, the sign-in screens) there is no role and nothing is hidden.
const RoleContext = createContext<Role | null>(null);

export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export function useRole(): Role | null {
  return useContext(RoleContext);
}

/** Whether the signed-in user's role may do what needs `permission` (shared/users.ts decides, as in the main process). */
export function useCan(permission: Permission): boolean {
  const role = useRole();
  return role === null || roleMay(role, permission);
}

/** What only a role with `permission` may use, left out for the others (the main process refuses it anyway). */
export function ForRole({ needs, children }: { needs: Permission; children: ReactNode }) {
  return useCan(needs) ? children : null;
}
