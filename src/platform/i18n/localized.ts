import { z } from 'zod';

// The platform's languages; nl (nl-BE) is the default. Server-side names travel as {nl, fr, en}.
export const locales = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export const localizedSchema = z.object({
  nl: z.string().min(1),
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type Localized = z.infer<typeof localizedSchema>;
