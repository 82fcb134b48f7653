import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { platforms } from '../../domain/shared/index.js';

const person = z.strictObject({ login: z.string().min(1), displayName: z.string().min(1) });

/** The shape of data/demo/organization.json. */
export const demoDataSchema = z
  .strictObject({
    organization: z.string().min(1),
    shops: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          platform: z.enum(platforms),
          subAccountPrefix: z.string().min(1),
        }),
      )
      .min(1),
    admin: person,
    supervisor: person,
    teams: z.array(
      z.strictObject({
        name: z.string().min(1),
        agents: z.array(person.extend({ shop: z.string().min(1) })),
      }),
    ),
  })
  .superRefine((data, context) => {
    const shopNames = new Set(data.shops.map((shop) => shop.name));
    data.teams.forEach((team, teamIndex) => {
      team.agents.forEach((agent, agentIndex) => {
        if (!shopNames.has(agent.shop)) {
          context.addIssue({
            code: 'custom',
            path: ['teams', teamIndex, 'agents', agentIndex, 'shop'],
            message: `unknown shop "${agent.shop}"`,
          });
        }
      });
    });
  });

export type DemoData = z.infer<typeof demoDataSchema>;

export const demoDataPath = resolve(import.meta.dirname, '../../../data/demo/organization.json');

/** Reads and validates the demo organisation; errors name the file and the field. */
export const loadDemoData = (path = demoDataPath): DemoData => {
  const parsed = demoDataSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`${path}: invalid demo data\n  ${problems.join('\n  ')}`);
};
