import type { ColumnType, Generated } from 'kysely';
import type {
  AttemptAnswersTable,
  AttemptEventsTable,
  AttemptsTable,
  ExamAssigneesTable,
  ExamsTable,
  PapersTable,
} from './schema.exams.js';
import type {
  FindingsTable,
  InspectionExamplesTable,
  InspectionRunsTable,
  SamplesTable,
  ScoreSheetsTable,
  ScoreSheetVersionsTable,
  ShopRuleSettingsTable,
} from './schema.inspection.js';

export type {
  FindingsTable,
  InspectionExamplesTable,
  InspectionRunsTable,
  SamplesTable,
  ScoreSheetsTable,
  ScoreSheetVersionsTable,
  ShopRuleSettingsTable,
} from './schema.inspection.js';

// Tables as Kysely sees them. SQL names are snake_case; the CamelCasePlugin in database.ts maps them
// to the camelCase names below, so this file is the single source for column names in TypeScript.

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A jsonb column: written as JSON text, read back parsed. */
export type Json<T> = ColumnType<T, string, string>;

export type OrganizationsTable = {
  id: Generated<string>;
  name: string;
  demo: Generated<boolean>;
  createdAt: CreatedAt;
};

export type ShopsTable = {
  id: Generated<string>;
  organizationId: string;
  platform: string;
  name: string;
  timeZone: Generated<string>;
  createdAt: CreatedAt;
};

export type SubAccountsTable = {
  id: Generated<string>;
  shopId: string;
  name: string;
  createdAt: CreatedAt;
};

export type TeamsTable = {
  id: Generated<string>;
  organizationId: string;
  name: string;
  createdAt: CreatedAt;
};

export type UsersTable = {
  id: Generated<string>;
  organizationId: string;
  login: string;
  displayName: string;
  role: string;
  teamId: string | null;
  passwordHash: string;
  disabled: Generated<boolean>;
  certifiedAt: Date | null;
  /** The passing attempt that certified the user (上岗); set together with certifiedAt. */
  certifiedByAttempt: ColumnType<string | null, string | null | undefined, string | null>;
  mustChangePassword: Generated<boolean>;
  createdAt: CreatedAt;
};

export type UserSubAccountsTable = {
  userId: string;
  subAccountId: string;
};

export type SessionsTable = {
  /** sha256 (hex) of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  createdAt: CreatedAt;
  ip: string | null;
};

export type LoginAttemptsTable = {
  id: Generated<string>;
  login: string;
  ip: string | null;
  at: Date;
  success: boolean;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: Date;
  organizationId: string | null;
  actorId: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  ip: string | null;
};

export type QuestionsTable = {
  organizationId: string;
  id: string;
  source: string;
  version: number;
  type: string;
  stem: string;
  searchText: string;
  difficulty: number;
  points: number;
  tags: ColumnType<{ rules: string[]; platforms: string[]; topics: string[] }, string, string>;
  contentHash: string;
  builtinHash: string | null;
  deletedAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: Date;
};

export type QuestionVersionsTable = {
  organizationId: string;
  questionId: string;
  version: number;
  body: ColumnType<unknown, string, never>;
  contentHash: string;
  createdBy: string | null;
  createdAt: CreatedAt;
};

// KPI records (绩效); `day` is the shop-local day number, amounts are 分 (int8: read back as text).
type BigintColumn = ColumnType<string | number | bigint, number, number>;

export type MessagesTable = {
  organizationId: string;
  shopId: string;
  day: number;
  conversation: string;
  buyer: string;
  agent: string;
  sender: string;
  time: Date;
  kind: string;
  text: string;
  textHash: string;
};

export type OrdersTable = {
  organizationId: string;
  shopId: string;
  day: number;
  orderId: string;
  buyer: string;
  created: Date;
  paid: Date | null;
  amount: BigintColumn;
  items: number;
  status: string;
  refund: BigintColumn;
  shipped: Date | null;
  postage: ColumnType<string | number | bigint | null, number | null, number | null>;
  closedBy: string | null;
  sku: string | null;
};

export type RatingsTable = {
  organizationId: string;
  shopId: string;
  day: number;
  conversation: string;
  buyer: string;
  agent: string;
  time: Date;
  stars: number;
};

export type TicketsTable = {
  organizationId: string;
  shopId: string;
  day: number;
  ticket: string;
  agent: string;
  applied: Date;
  reviewed: Date | null;
  ready: Date | null;
  resolved: Date | null;
  awaitingCustomer: boolean;
  sampled: boolean;
  samplePassed: boolean | null;
};

export type ImportJobsTable = {
  id: Generated<string>;
  organizationId: string;
  kind: string;
  fileName: string;
  mode: string;
  status: string;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  issues: ColumnType<unknown, string, string>;
  createdBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  // Progress of a running job (migration 0014); progressAt is its heartbeat.
  bytesRead: BigintColumn;
  bytesTotal: ColumnType<string | number | bigint | null, number | null, number | null>;
  error: string | null;
  progressAt: Date;
};

// Materialised KPI results (migration 0006): engine parts per agent-day and shop-day.
export type MetricDaysTable = {
  organizationId: string;
  shopId: string;
  day: number;
  settingsHash: string;
  stale: boolean;
  computedAt: Date;
};

export type MetricGenerationsTable = { shopId: string; generation: number };

export type MetricAgentDaysTable = {
  organizationId: string;
  shopId: string;
  day: number;
  agent: string;
  parts: ColumnType<unknown, string, string>;
};

export type MetricShopDaysTable = {
  organizationId: string;
  shopId: string;
  day: number;
  parts: ColumnType<unknown, string, string>;
};

export type MetricRestatementsTable = {
  id: Generated<string>;
  organizationId: string;
  shopId: string;
  day: number;
  agent: string;
  metric: string;
  before: number;
  after: number;
  reportedAt: Date;
  restatedAt: Date;
};

export type CreditRulingsTable = {
  organizationId: string;
  shopId: string;
  orderId: string;
  agent: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
};

/** 店铺绩效设置 (migration 0008): a shop's SettingsOverride from `effectiveFrom` (YYYY-MM-DD) on. */
export type ShopMetricSettingsTable = {
  id: Generated<string>;
  organizationId: string;
  shopId: string;
  effectiveFrom: string;
  overrides: Json<unknown>;
  createdBy: string | null;
  createdAt: Date;
};

/** 列映射预设 (migration 0013): a shop's header of each field for one kind of export. */
export type ImportMappingPresetsTable = {
  id: Generated<string>;
  organizationId: string;
  shopId: string;
  kind: string;
  columns: Json<Record<string, string>>;
  updatedBy: string | null;
  updatedAt: Date;
};

export type Database = {
  organizations: OrganizationsTable;
  shops: ShopsTable;
  subAccounts: SubAccountsTable;
  teams: TeamsTable;
  users: UsersTable;
  userSubAccounts: UserSubAccountsTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  auditLog: AuditLogTable;
  questions: QuestionsTable;
  questionVersions: QuestionVersionsTable;
  messages: MessagesTable;
  orders: OrdersTable;
  ratings: RatingsTable;
  tickets: TicketsTable;
  importJobs: ImportJobsTable;
  metricDays: MetricDaysTable;
  metricGenerations: MetricGenerationsTable;
  metricAgentDays: MetricAgentDaysTable;
  metricShopDays: MetricShopDaysTable;
  metricRestatements: MetricRestatementsTable;
  creditRulings: CreditRulingsTable;
  shopMetricSettings: ShopMetricSettingsTable;
  importMappingPresets: ImportMappingPresetsTable;
  papers: PapersTable;
  exams: ExamsTable;
  examAssignees: ExamAssigneesTable;
  attempts: AttemptsTable;
  attemptAnswers: AttemptAnswersTable;
  attemptEvents: AttemptEventsTable;
  inspectionRuns: InspectionRunsTable;
  findings: FindingsTable;
  shopRuleSettings: ShopRuleSettingsTable;
  scoreSheets: ScoreSheetsTable;
  scoreSheetVersions: ScoreSheetVersionsTable;
  inspectionExamples: InspectionExamplesTable;
  samples: SamplesTable;
};
