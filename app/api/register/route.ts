import { NextResponse } from 'next/server';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/options';
import { allowRegistration } from '@/lib/auth/rate-limit';
import { tooManyRequests } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/route';
import { RegisterSchema } from '@/lib/users/schemas';
import { registerUser } from '@/lib/users/users';

export const POST = route(async (req) => {
  const input = await readJson(req, RegisterSchema);
  if (!(await allowRegistration(req.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'))) {
    throw tooManyRequests('Too many accounts were created from here. Try again later.');
  }
  const user = await registerUser(input);
  return NextResponse.json({ user }, { status: 201 });
});
