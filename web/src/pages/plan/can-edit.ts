import type { ActionSummary } from '../../api/plan-types.ts';
import type { SessionUser } from '../../api/types.ts';

/**
 * Whether this user may write the action's yearly reports: admins, and editors whose organisation
 * leads or partners the action (the server decides; this only decides what the page offers).
 */
export function canEditReports(user: SessionUser | null, action: Pick<ActionSummary, 'stakeholders'>): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'editor' || !user.organisationId) return false;
  return action.stakeholders.some((s) => s.id === user.organisationId && (s.role === 'lead' || s.role === 'partner'));
}
