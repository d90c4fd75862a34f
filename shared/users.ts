import { z } from 'zod';
import { requiredText, TEXT_LIMITS } from './text';

/**
 * Who may do what (SPEC 2.10): the administrator everything, users and the profile included; the
 * bookkeeper enters the business; the board reads, prints and closes or reopens a month; the reviewer
 * only reads.
 */
export const ROLES = ['admin', 'bookkeeper', 'board', 'reviewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What a channel needs, from least to most: nothing (the language, signing in, the first-run screens),
 * being signed in and changing no books (every role, and a review copy), changing only one's own
 * password, making a backup, entering the business, approving (closing a month, the year), administering.
 */
export const PERMISSIONS = ['open', 'read', 'self', 'backup', 'enter', 'approve', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  bookkeeper: new Set(['open', 'read', 'self', 'backup', 'enter']),
  board: new Set(['open', 'read', 'self', 'backup', 'approve']),
  reviewer: new Set(['open', 'read', 'self']),
};

/** Whether a user of `role` may use a channel that needs `permission`: the main process and the screens ask the same. */
export function roleMay(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** Letters, digits, dot, dash and underscore, as typed at a sign-in box; compared without case. */
export const usernameSchema = z
  .string('required')
  .trim()
  .min(1, 'required')
  .max(32, 'too_long')
  .regex(/^[A-Za-z0-9._-]+$/, 'username_invalid')
  .transform((value) => value.toLowerCase());

// Long enough to resist guessing at a shared laptop, short enough to remember; no other rule, so that a
// Khmer phrase is as good as a Latin one. Counted in UTF-16 units: a Khmer phrase of 8 units is short.
export const PASSWORD_MIN = 8;
export const passwordSchema = z
  .string('required')
  .min(1, 'required')
  .min(PASSWORD_MIN, 'password_too_short')
  .max(200, 'too_long');

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: requiredText(TEXT_LIMITS.personName),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

export const firstAdminSchema = newUserSchema.omit({ role: true });

export const userUpdateSchema = z.strictObject({
  id: z.number().int().positive(),
  displayName: requiredText(TEXT_LIMITS.personName),
  role: roleSchema,
  active: z.boolean(),
});

export const passwordResetSchema = z.strictObject({
  id: z.number().int().positive(),
  password: passwordSchema,
});

export const passwordChangeSchema = z.strictObject({
  current: z.string('required').min(1, 'required').max(200, 'too_long'),
  password: passwordSchema,
});

export const signInSchema = z.strictObject({
  username: usernameSchema,
  password: z.string('required').min(1, 'required').max(200, 'too_long'),
});

export const unlockSchema = z.strictObject({
  password: z.string('required').min(1, 'required').max(200, 'too_long'),
});

/** The person at the keyboard, as the screens see them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** A row of the users screen. */
export interface UserRow extends SessionUser {
  active: boolean;
  createdAt: string;
}

/**
 * Where the session stands: no cooperative yet ('none'), a cooperative with no administrator yet (a
 * database from before users existed, or a wizard cut short), nobody signed in, the screen locked by
 * idleness or by hand, or someone at work.
 */
export type AuthState = 'none' | 'createAdmin' | 'signIn' | 'locked' | 'signedIn';

/** How long the app may sit untouched before it locks itself, in minutes (a profile setting). */
export const LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;

/** Every demo user's password, shown on the demo's banner: the demo is for trying each role. */
export const DEMO_PASSWORD = 'demo1234';
