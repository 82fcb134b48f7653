import type { shopResponse, teamResponse } from '../../../src/server/accounts/accounts.routes.js';
import type {
  okSchema,
  shopSchema,
  subAccountSchema,
  teamSchema,
  userSchema,
} from '../../../src/server/accounts/accounts.schemas.js';
import type {
  createUserBody,
  updateUserBody,
  userResponse,
} from '../../../src/server/accounts/users.routes.js';
import type {
  changePasswordBody,
  loginBody,
  sessionResponse,
} from '../../../src/server/auth/auth.schemas.js';
import type {
  checkBody,
  checkResponse,
  rulesResponse,
} from '../../../src/server/compliance/compliance.schemas.js';
import type { changePassword, login } from '../../../web/src/api/auth.api.js';
import type { CheckInput, CheckOutcome, Rule } from '../../../web/src/api/compliance.api.js';
import type {
  createShop,
  createSubAccount,
  createTeam,
  renameTeam,
  updateShop,
} from '../../../web/src/api/organisation.api.js';
import type { Session, Shop, SubAccount, Team, User } from '../../../web/src/api/types.js';
import type {
  CreateUserInput,
  createUser,
  resetPassword,
  UpdateUserInput,
} from '../../../web/src/api/users.api.js';
import type { Accepted, Assert, Equal, Fits, Mutual, Returned, Sent } from './contract.js';

// 登录 (web/src/api/auth.api.ts ↔ src/server/auth/auth.routes.ts).
export type AuthContract = [
  Mutual<Session, Sent<typeof sessionResponse>>,
  Assert<Equal<Session, Sent<typeof sessionResponse>>>,
  Fits<Parameters<typeof login>[0], Accepted<typeof loginBody>>,
  Mutual<Returned<typeof changePassword>, Sent<typeof okSchema>>,
  Fits<Parameters<typeof changePassword>[0], Accepted<typeof changePasswordBody>>,
];

// 用户 (web/src/api/users.api.ts ↔ src/server/accounts/users.routes.ts).
export type UsersContract = [
  Mutual<User, Sent<typeof userSchema>>,
  Assert<Equal<User, Sent<typeof userSchema>>>,
  Mutual<{ user: User }, Sent<typeof userResponse>>,
  Mutual<Returned<typeof createUser>['user'], Sent<typeof userSchema>>,
  Fits<CreateUserInput, Accepted<typeof createUserBody>>,
  Fits<UpdateUserInput, Accepted<typeof updateUserBody>>,
  Mutual<Returned<typeof resetPassword>, { password: string }>,
];

// 组织: shops, sub-accounts, teams (web/src/api/organisation.api.ts ↔ src/server/accounts/accounts.routes.ts).
// Their list envelopes ({ shops: [...] }) and request bodies are written inline in the routes.
export type OrganisationContract = [
  Mutual<Shop, Sent<typeof shopSchema>>,
  Assert<Equal<Shop, Sent<typeof shopSchema>>>,
  Mutual<SubAccount, Sent<typeof subAccountSchema>>,
  Assert<Equal<SubAccount, Sent<typeof subAccountSchema>>>,
  Mutual<Team, Sent<typeof teamSchema>>,
  Assert<Equal<Team, Sent<typeof teamSchema>>>,
  Mutual<Returned<typeof createShop>, Sent<typeof shopResponse>>,
  Mutual<Returned<typeof updateShop>, Sent<typeof shopResponse>>,
  Mutual<Returned<typeof createSubAccount>['subAccount'], Sent<typeof subAccountSchema>>,
  Mutual<Returned<typeof createTeam>, Sent<typeof teamResponse>>,
  Mutual<Returned<typeof renameTeam>, Sent<typeof teamResponse>>,
];

// 话术检查 and 规则库 (web/src/api/compliance.api.ts ↔ src/server/compliance/compliance.routes.ts).
export type ComplianceContract = [
  Mutual<CheckOutcome, Sent<typeof checkResponse>>,
  Assert<Equal<CheckOutcome, Sent<typeof checkResponse>>>,
  Fits<CheckInput, Accepted<typeof checkBody>>,
  Mutual<{ rules: Rule[] }, Sent<typeof rulesResponse>>,
  Assert<Equal<{ rules: Rule[] }, Sent<typeof rulesResponse>>>,
];
