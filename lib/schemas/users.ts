import { z } from 'zod';

export const EmailSchema = z.string().trim().toLowerCase().email('Enter a valid email address.').max(254);
export const PasswordSchema = z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.');

export const RegisterSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, 'Tell the team what to call you.').max(80),
  password: PasswordSchema,
});

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
