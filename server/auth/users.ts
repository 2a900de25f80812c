import { audit } from '../audit';
import { hashPassword, verifyPassword } from './password';
import { db } from '../db/connection';
import { isUniqueViolation } from '../db/errors';
import { newId } from '../ids';

/**
 * Registers an account, answering alike whether or not the address already has one: the same
 * work (a password hash) and nothing returned, so the loved one cannot type a relative's address
 * to learn whether they are on Harbor. An existing account is left exactly as it was; whoever
 * registered it can sign in with its password. (Signing in afterwards tells a person only
 * whether the password they chose opens the account: docs/security.md, "Limits known today".)
 */
export async function registerUser(input: { email: string; name: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await db()
      .kysely.insertInto('users')
      .values({ id, email: input.email, name: input.name, password_hash: passwordHash, created_at: Date.now() })
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await audit({ action: 'user.register-existing', userId: null, detail: {} });
    return;
  }
  await audit({ action: 'user.registered', userId: id });
}

export async function findUserByEmail(email: string) {
  return db().kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Whether `password` is this user's current password. */
export async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const row = await db().kysely.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row !== undefined && (await verifyPassword(row.password_hash, password));
}

export async function setPassword(userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().kysely.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}
