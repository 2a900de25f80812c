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
  /** "This is a shared or family computer": a form field, so the string "true" when ticked. */
  shared: z
    .string()
    .optional()
    .transform((value) => value === 'true'),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: PasswordSchema,
  })
  .strict()
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: 'Choose a password you have not been using.',
    path: ['newPassword'],
  });

/** "Sign out everywhere": `keepThisDevice` signs out only the others. */
export const SignOutEverywhereSchema = z.object({ keepThisDevice: z.boolean().default(false) }).strict();
