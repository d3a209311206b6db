// Accounts that global-setup creates in the throwaway data folder.
export const admin = { email: 'admin@koers.test', password: 'e2e-admin-Pa55word!' } as const;
export const editor = { email: 'editor@koers.test', password: 'e2e-editor-Pa55word!' } as const;

/**
 * An editor bound to a stakeholder of the bundled Flemish plan data (data/flanders/plan/): VDAB
 * leads action K-16 ("VDAB competence check tool") and has no role in K-02 (the LLL Dashboard,
 * led by the Department WSE).
 */
export const vdabEditor = {
  email: 'vdab-editor@koers.test',
  password: 'e2e-vdab-editor-Pa55word!',
  organisation: 'vdab',
  ownAction: 'K-16',
  otherAction: 'K-02',
} as const;
