import { NextResponse } from 'next/server';
import { CLIENT_ADDRESS_HEADER } from '@/server/auth/options';
import { allowRegistration } from '@/server/auth/rate-limit';
import { tooManyRequests } from '@/server/http/errors';
import { readJson, route } from '@/server/http/route';
import { RegisterSchema } from '@/lib/schemas/users';
import { registerUser } from '@/server/auth/users';

/** The same answer whether or not the address already had an account (server/auth/users.ts). */
export const POST = route(async (req) => {
  const input = await readJson(req, RegisterSchema);
  if (!(await allowRegistration(req.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'))) {
    throw tooManyRequests('Too many accounts were created from here. Try again later.');
  }
  await registerUser(input);
  return NextResponse.json({ ok: true }, { status: 201 });
});
