// Shapes of the server's JSON replies (see the API contract in /api/docs).

export type Localized = { nl: string; fr: string; en: string };

export type Role = 'admin' | 'editor' | 'analyst' | 'provider';

export type SessionUser = {
  id: string;
  email: string;
  role: Role;
  organisationId: string | null;
  providerId: string | null;
};

export type MeResponse = { user: SessionUser | null; csrfToken: string };

export type PortalModule = { id: string; path: string; title: Localized; summary: Localized };

export type PortalResponse = {
  region: { id: string; name: Localized };
  plan: { title: Localized; period: { from: number; to: number } };
  modules: PortalModule[];
};

export type Source = {
  id: string;
  name: string;
  publisher: string;
  url: string;
  licence: string;
  licenceUrl: string | null;
  attribution: string | null;
  appliesFrom: string | null;
  retrievedOn: string | null;
  synthetic: boolean;
  usedFor: Localized;
};

export type SourcesResponse = { items: Source[] };

export type AuditEntry = {
  id: number;
  at: string;
  /** null, or with a null email, for actions not done by a user (seed, CLI). */
  actor: { id: string | null; email: string | null; kind?: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

export type FieldError = { field: string; reason: string };

export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
};
