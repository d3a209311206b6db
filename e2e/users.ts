// Accounts that global-setup creates in the throwaway data folder.
export const admin = { email: 'admin@koers.test', password: 'e2e-admin-Pa55word!' } as const;
export const editor = { email: 'editor@koers.test', password: 'e2e-editor-Pa55word!' } as const;
