/** The three roles of a Kefu organisation. */
export const roles = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

/**
 * What a route or use-case may require. `self` is what every signed-in user may do with their own
 * session and profile; the rest are organisation-wide.
 */
export const permissions = [
  'self',
  'shops.read',
  'shops.manage',
  'subAccounts.read',
  'subAccounts.manage',
  'teams.read',
  'teams.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'compliance.check',
  'rules.read',
  'questions.read',
  'questions.manage',
  'metrics.read',
  'metrics.import',
  'exams.take', // sit assigned exams, see one's own results and 错题本
  'exams.manage', // papers, exam sessions, results, item analysis, regrade
  'exams.grade', // confirm suggested scores in the grading queue (阅卷)
  'inspection.read', // 质检 workbench: every finding, conversation and QA score
  'inspection.review', // run bulk inspection, confirm/dismiss, decide appeals, 抽检
  'inspection.appeal', // see one's own findings and appeal them (申诉)
] as const;
export type Permission = (typeof permissions)[number];

// The single table of who may do what. Supervisors read everything and manage teams and agents;
// agents see themselves and use the shared 质检 tools (live reply check, rule library).
const permissionsByRole: Record<Role, readonly Permission[]> = {
  admin: permissions,
  supervisor: [
    'self',
    'shops.read',
    'subAccounts.read',
    'subAccounts.manage',
    'teams.read',
    'teams.manage',
    'users.read',
    'users.manage',
    'compliance.check',
    'rules.read',
    // Answer keys stay with managers: agents will see questions only inside an exam.
    'questions.read',
    'questions.manage',
    // Agents read only their own KPI rows: the metrics use-cases narrow them, not this table.
    'metrics.read',
    'metrics.import',
    'exams.take',
    'exams.manage',
    'exams.grade',
    'inspection.read',
    'inspection.review',
    'inspection.appeal',
  ],
  // Agents' exam and inspection use-cases narrow every read to their own attempts and findings.
  agent: ['self', 'compliance.check', 'rules.read', 'exams.take', 'inspection.appeal'],
};

/** Whether `role` holds `permission`. */
export const hasPermission = (role: Role, permission: Permission): boolean =>
  permissionsByRole[role].includes(permission);

/** The permissions of a role, for the UI to hide what the user cannot do. */
export const permissionsOf = (role: Role): readonly Permission[] => permissionsByRole[role];

/**
 * Whether a user with `actorRole` may create, edit or reset a user whose role is `targetRole`:
 * admins manage everyone, supervisors manage agents only.
 */
export const canManageRole = (actorRole: Role, targetRole: Role): boolean =>
  actorRole === 'admin' || (actorRole === 'supervisor' && targetRole === 'agent');
