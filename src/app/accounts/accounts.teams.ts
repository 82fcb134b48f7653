import {
  findTeam,
  insertTeam,
  listTeams as listTeamRecords,
  renameTeam,
  type TeamRecord,
} from '../../store/teams.repository.js';
import { recordAudit } from './accounts.audit.js';
import { authorize, isUniqueViolation } from './accounts.authorize.js';
import { accountsErrors } from './accounts.errors.js';
import type { AccountsDeps, Actor } from './accounts.types.js';

type Deps = Omit<AccountsDeps, 'config'> & { actor: Actor };

const duplicateName = () => accountsErrors.conflict('body.name', '已有同名小组');

export const listTeams = async ({ db, actor }: Deps): Promise<TeamRecord[]> => {
  authorize(actor, 'teams.read');
  return listTeamRecords({ db, organizationId: actor.organizationId });
};

export const createTeam = async ({
  db,
  clock,
  actor,
  name,
}: Deps & { name: string }): Promise<TeamRecord> => {
  authorize(actor, 'teams.manage');
  try {
    const team = await insertTeam({
      db,
      team: { organizationId: actor.organizationId, name, createdAt: clock.now() },
    });
    await recordAudit({ db, clock, actor, action: 'teams.created', target: team.id, details: { name } });
    return team;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
};

export const updateTeam = async ({
  db,
  actor,
  id,
  name,
}: Deps & { id: string; name: string }): Promise<TeamRecord> => {
  authorize(actor, 'teams.manage');
  try {
    const renamed = await renameTeam({ db, organizationId: actor.organizationId, id, name });
    const team = renamed ? await findTeam({ db, organizationId: actor.organizationId, id }) : undefined;
    if (!team) throw accountsErrors.notFound('小组');
    return team;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
};
