import type { ReactNode } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { SessionProvider } from './auth/session.tsx';
import { AppShell } from './components/app-shell.tsx';
import { AccessibilityPage } from './pages/accessibility/accessibility.page.tsx';
import { AuditPage } from './pages/admin/audit.page.tsx';
import { AdminStakeholdersPage } from './pages/admin/admin-stakeholders.page.tsx';
import { AdminStatusesPage } from './pages/admin/admin-statuses.page.tsx';
import { AdminUsersPage } from './pages/admin/admin-users.page.tsx';
import { CatalogImportPage } from './pages/catalog/catalog-import.page.tsx';
import { CatalogSearchPage } from './pages/catalog/catalog-search.page.tsx';
import { MyOffersPage } from './pages/catalog/my-offers.page.tsx';
import { EditOfferPage, NewOfferPage } from './pages/catalog/offer-form.page.tsx';
import { OfferPage } from './pages/catalog/offer.page.tsx';
import { PlanMatrixPage } from './pages/plan/plan-matrix.page.tsx';
import { HomePage } from './pages/home/home.page.tsx';
import { IndicatorRankingPage } from './pages/indicators/indicator-ranking.page.tsx';
import { IndicatorPage } from './pages/indicators/indicator.page.tsx';
import { IndicatorsPage } from './pages/indicators/indicators.page.tsx';
import { LoginPage } from './pages/login/login.page.tsx';
import { NotFoundPage } from './pages/not-found/not-found.page.tsx';
import { PlanActionPage } from './pages/plan/plan-action.page.tsx';
import { PlanActionsPage } from './pages/plan/plan-actions.page.tsx';
import { PlanGoalPage } from './pages/plan/plan-goal.page.tsx';
import { PlanImportPage } from './pages/plan/plan-import.page.tsx';
import { PlanOverviewPage } from './pages/plan/plan-overview.page.tsx';
import { PlanReportPage } from './pages/plan/plan-report.page.tsx';
import { SignpostEmployerPage, SignpostPage } from './pages/incentives/signpost.page.tsx';
import { SourcesPage } from './pages/sources/sources.page.tsx';
import type { WebRoutePath } from './route-paths.ts';

// Keyed by WebRoutePath so a route listed for the server cannot lack a page here.
const pages: Record<WebRoutePath, ReactNode> = {
  '/': <HomePage />,
  '/sources': <SourcesPage />,
  '/accessibility': <AccessibilityPage />,
  '/login': <LoginPage />,
  '/admin/audit': <AuditPage />,
  '/admin/statuses': <AdminStatusesPage />,
  '/admin/stakeholders': <AdminStakeholdersPage />,
  '/admin/users': <AdminUsersPage />,
  '/plan/matrix': <PlanMatrixPage />,
  '/plan': <PlanOverviewPage />,
  '/plan/actions': <PlanActionsPage />,
  '/plan/actions/:reference': <PlanActionPage />,
  '/plan/actions/:reference/reports/:year': <PlanReportPage />,
  '/plan/goals/:code': <PlanGoalPage />,
  '/plan/import': <PlanImportPage />,
  '/indicators': <IndicatorsPage />,
  '/indicators/:id': <IndicatorPage />,
  '/indicators/:id/ranking': <IndicatorRankingPage />,
  '/catalog': <CatalogSearchPage />,
  '/catalog/offers/:id': <OfferPage />,
  '/catalog/my-offers': <MyOffersPage />,
  '/catalog/my-offers/new': <NewOfferPage />,
  '/catalog/my-offers/:id/edit': <EditOfferPage />,
  '/catalog/import': <CatalogImportPage />,
  '/signpost': <SignpostPage />,
  '/signpost/employer': <SignpostEmployerPage />,
};

const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      // Case-sensitive, like isKnownWebPath on the server.
      ...Object.entries(pages).map(([path, element]) => ({ path, element, caseSensitive: true })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
