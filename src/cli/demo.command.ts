import { systemClock } from '../app/accounts/index.js';
import { reseedDemo } from '../app/demo/demo.seed.js';
import type { CommandRegistration } from './cli.js';
import { withMigratedDatabase } from './db.command.js';

/** `kefu demo`: wipes the demo organisation and recreates it with new passwords. */
export const registerDemoCommand: CommandRegistration = (program, io) => {
  program
    .command('demo')
    .description('Recreate the demo organisation 演示店铺集团 (deletes its data) and print new passwords')
    .action(async () => {
      const seeded = await withMigratedDatabase(({ db }) => reseedDemo({ db, clock: systemClock }));
      io.stdout('已重建演示组织「演示店铺集团」。新密码（只显示这一次）：\n');
      for (const { login, displayName, role, password } of seeded.credentials) {
        io.stdout(`  ${role.padEnd(10)} ${login.padEnd(10)} ${password}  ${displayName}\n`);
      }
    });
};
