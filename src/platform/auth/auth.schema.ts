import { z } from 'zod';

export const roles = ['admin', 'editor', 'analyst', 'provider'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

// Lower-cased so that one address is one account, whatever its capitals.
export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(1024, 'must be at most 1024 characters');

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
});

export const publicUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    organisationId: z.string().nullable(),
    providerId: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type PublicUser = z.infer<typeof publicUserSchema>;

export const meReplySchema = z.object({ user: publicUserSchema.nullable(), csrfToken: z.string() });
export const loginReplySchema = z.object({ user: publicUserSchema });

const idSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'must be an id of letters, digits, . _ -');

export const addUserInputSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    role: roleSchema,
    organisationId: idSchema.optional(),
    providerId: idSchema.optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'editor' && !u.organisationId)
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'an editor is bound to one stakeholder organisation' });
    if (u.role === 'provider' && !u.providerId)
      ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'a provider account is bound to one training provider' });
    if (u.role !== 'editor' && u.organisationId)
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'only editors are bound to an organisation' });
    if (u.role !== 'provider' && u.providerId)
      ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'only provider accounts are bound to a provider' });
  });
export type AddUserInput = z.input<typeof addUserInputSchema>;
