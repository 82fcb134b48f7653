import { type Actor, AppError, createUser, systemClock } from '../app/accounts/index.js';
import { isRole, roles } from '../domain/accounts/index.js';
import { findFirstOrganization } from '../store/organizations.repository.js';
import { findTeamByName } from '../store/teams.repository.js';
import type { CommandRegistration } from './cli.js';
import { CliError } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';
import { describeAppError } from './cli.context.js';

type AddOptions = { login: string; name: string; role: string; team?: string; password?: string };

/** `kefu user add`: creates a user in the organisation as the server's owner (an admin). */
export const registerUserCommand: CommandRegistration = (program, io) => {
  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Create a user; prints the generated password when --password is omitted')
    .requiredOption('--login <login>', 'login name (unique)')
    .requiredOption('--name <name>', 'display name, e.g. 小美')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--team <team>', 'team name, e.g. 售前组')
    .option('--password <password>', 'initial password (at least 8 characters)')
    .action(async (options: AddOptions) => {
      const role = options.role;
      if (!isRole(role)) throw new CliError(`--role must be one of ${roles.join(', ')} (got "${role}")`, 2);
      await withMigratedDatabase(async ({ db }) => {
        const organization = await findFirstOrganization({ db });
        if (!organization)
          throw new CliError('no organisation yet: start Kefu once (kefu serve) or run kefu demo');
        const team = options.team
          ? await findTeamByName({ db, organizationId: organization.id, name: options.team })
          : undefined;
        if (options.team && !team) throw new CliError(`no team named "${options.team}"`);
        const actor: Actor = {
          userId: null,
          login: 'kefu-cli',
          organizationId: organization.id,
          role: 'admin',
          ip: null,
        };
        try {
          const input = {
            login: options.login,
            displayName: options.name,
            role,
            teamId: team?.id,
            password: options.password,
          };
          const created = await createUser({ db, clock: systemClock, actor, ...input });
          io.stdout(
            `已创建用户 ${created.user.login}（${created.user.displayName}，${created.user.role}）\n`,
          );
          if (created.initialPassword) io.stdout(`初始密码（只显示这一次）：${created.initialPassword}\n`);
        } catch (error) {
          if (error instanceof AppError) throw new CliError(describeAppError(error));
          throw error;
        }
      });
    });
};
