import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth, RequireRole } from './components/guards.js';
import { NotFoundPage } from './components/StatusPages.js';
import { areas } from './features/areas/areas.js';
import { managerRoles } from './features/auth/session.js';

// Each page is its own chunk: the login page should not download the settings tables.
const AppLayout = lazy(() => import('./components/AppLayout.js').then((m) => ({ default: m.AppLayout })));
const LoginPage = lazy(() =>
  import('./features/auth/pages/LoginPage.js').then((m) => ({ default: m.LoginPage })),
);
const HomePage = lazy(() =>
  import('./features/home/pages/HomePage.js').then((m) => ({ default: m.HomePage })),
);
const AreaPage = lazy(() =>
  import('./features/areas/pages/AreaPage.js').then((m) => ({ default: m.AreaPage })),
);
const InspectionPage = lazy(() =>
  import('./features/inspection/pages/InspectionPage.js').then((m) => ({ default: m.InspectionPage })),
);
const ExamsPage = lazy(() =>
  import('./features/exams/pages/ExamsPage.js').then((m) => ({ default: m.ExamsPage })),
);
const AttemptPage = lazy(() =>
  import('./features/exams/pages/AttemptPage.js').then((m) => ({ default: m.AttemptPage })),
);
const MetricsPage = lazy(() =>
  import('./features/metrics/pages/MetricsPage.js').then((m) => ({ default: m.MetricsPage })),
);
const ProfilePage = lazy(() =>
  import('./features/profile/pages/ProfilePage.js').then((m) => ({ default: m.ProfilePage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/pages/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);

export const AppRoutes = () => (
  <Routes>
    <Route path="/login" element={<LoginPage />} />
    <Route
      element={
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      }
    >
      <Route index element={<HomePage />} />
      {areas
        .filter((area) => area !== 'inspection' && area !== 'exams' && area !== 'metrics')
        .map((area) => (
          <Route key={area} path={area} element={<AreaPage area={area} />} />
        ))}
      <Route path="inspection/:tab?" element={<InspectionPage />} />
      <Route path="exams/:tab?" element={<ExamsPage />} />
      <Route path="exams/attempt/:attemptId" element={<AttemptPage />} />
      <Route path="metrics/:tab?" element={<MetricsPage />} />
      <Route path="profile" element={<ProfilePage />} />
      <Route
        path="settings/:tab?"
        element={
          <RequireRole roles={managerRoles}>
            <SettingsPage />
          </RequireRole>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);
