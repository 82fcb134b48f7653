/**
 * Seeding for bench/exam.bench.ts: a fresh PostgreSQL database holding the demo organisation (no
 * chat data), N agents in one team and a signed-in session per agent. Sessions are written
 * directly: 1,000 scrypt sign-ins would measure password hashing, not exams.
 */
import { hashPassword, hashToken, newToken } from '../src/app/accounts/accounts.crypto.js';
import { seedDemo } from '../src/app/demo/demo.seed.js';
import { createDatabase } from '../src/store/database.js';
import { runMigrations } from '../src/store/migrations/migrations.js';
import { insertSession } from '../src/store/sessions.repository.js';
import { insertTeam } from '../src/store/teams.repository.js';
import { insertUser } from '../src/store/users.repository.js';

export type BenchSession = { userId: string; cookie: string; csrfToken: string };
export type BenchSeed = { supervisor: BenchSession; candidates: BenchSession[]; teamId: string };

const sessionFor = async (db: Parameters<typeof insertSession>[0]['db'], userId: string, now: Date) => {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + 24 * 3_600_000);
  await insertSession({
    db,
    session: { id: hashToken(token), userId, csrfToken, expiresAt, createdAt: now, ip: null },
  });
  return { userId, cookie: `kefu_session=${token}`, csrfToken };
};

/** Seeds `url` (an empty, existing database) and returns the sessions to drive the HTTP server with. */
export const seedExamBench = async ({ url, candidates }: { url: string; candidates: number }) => {
  const database = await createDatabase({ url, dataDir: '' });
  try {
    const { db } = database;
    await runMigrations({ db });
    const now = new Date();
    const demo = await seedDemo({ db, clock: { now: () => now }, password: 'bench-password' });
    const organizationId = demo.organizationId;
    const supervisor = await db
      .selectFrom('users')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('role', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    const { id: teamId } = await insertTeam({
      db,
      team: { organizationId, name: '考试压测组', createdAt: now },
    });
    const passwordHash = await hashPassword('bench-password');
    const sessions: BenchSession[] = [];
    for (let index = 0; index < candidates; index += 1) {
      const { id } = await insertUser({
        db,
        user: {
          organizationId,
          login: `bench${String(index).padStart(4, '0')}`,
          displayName: `压测客服${index + 1}`,
          role: 'agent',
          teamId,
          passwordHash,
          mustChangePassword: false,
          createdAt: now,
        },
      });
      sessions.push(await sessionFor(db, id, now));
    }
    return {
      supervisor: await sessionFor(db, supervisor.id, now),
      candidates: sessions,
      teamId,
    } satisfies BenchSeed;
  } finally {
    await database.close();
  }
};
