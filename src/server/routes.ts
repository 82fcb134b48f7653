import { accountsRoutes } from './accounts/accounts.routes.js';
import { auditRoutes } from './accounts/audit.routes.js';
import { usersRoutes } from './accounts/users.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { complianceRoutes } from './compliance/compliance.routes.js';
import { examsRoutes } from './exams/exams.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { inspectionRoutes } from './inspection/inspection.routes.js';
import { metricsSettingsRoutes } from './metrics/metrics-settings.routes.js';
import { importUploadRoutes } from './metrics/imports.upload.routes.js';
import { metricsRoutes } from './metrics/metrics.routes.js';
import { questionsRoutes } from './questions/questions.routes.js';
import type { AreaRoutes } from './server.types.js';

// The registry of every area's routes. Add one import and one entry per area; each route must
// declare config.permission or the server refuses to start.
export const areaRoutes: AreaRoutes[] = [
  healthRoutes,
  authRoutes,
  accountsRoutes,
  usersRoutes,
  auditRoutes,
  complianceRoutes,
  questionsRoutes,
  metricsRoutes,
  importUploadRoutes,
  metricsSettingsRoutes,
  examsRoutes,
  inspectionRoutes,
];
