import { z } from 'zod';
import { roleSchema } from '../../core/roles';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.'));

// Length over composition rules (NIST 800-63B); the upper bound caps scrypt work per request.
export const passwordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(128, 'Use at most 128 characters.');

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setUserDisabledSchema = z.object({
  userId: z.string().min(1),
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  role: roleSchema,
});

export const resetPasswordSchema = z.object({ userId: z.string().min(1), password: passwordSchema });

export const changeOwnPasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password.').max(128), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ['newPassword'], message: 'Choose a password other than the current one.' });
