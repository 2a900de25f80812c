import { audit } from '../audit';
import { hashPassword } from './password';
import { db } from '../db/connection';
import { conflict } from '../http/errors';
import { newId } from '../ids';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export async function registerUser(input: { email: string; name: string; password: string }): Promise<PublicUser> {
  const existing = await db()
    .kysely.selectFrom('users')
    .select('id')
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (existing) throw conflict('An account with this email already exists. Sign in instead.');
  const user = { id: newId(), email: input.email, name: input.name };
  await db()
    .kysely.insertInto('users')
    .values({ ...user, password_hash: await hashPassword(input.password), created_at: Date.now() })
    .execute();
  await audit({ action: 'user.registered', userId: user.id });
  return user;
}

export async function findUserByEmail(email: string) {
  return db().kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}
