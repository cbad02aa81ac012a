import type { Program } from '@fioco-flow/core';
import type { Hono } from 'hono';
import type { AdapterEnv } from '../http/env.js';
import { problem } from '../problems/problem.js';

/** Source of the programs listed at `GET /programs`: a fixed list, or a function that loads it. */
export type ProgramSource = readonly Program[] | (() => readonly Program[] | Promise<readonly Program[]>);

/** Registers `GET /programs` and `GET /programs/:programId`. */
export function registerProgramRoutes(app: Hono<AdapterEnv>, programs: ProgramSource): void {
  const load = async () => (typeof programs === 'function' ? await programs() : programs);

  app.get('/programs', async (c) => c.json({ programs: await load() }));

  app.get('/programs/:programId', async (c) => {
    const programId = c.req.param('programId');
    const program = (await load()).find((candidate) => candidate.id === programId);
    if (program === undefined) throw problem('program_not_found', { programId });
    return c.json(program);
  });
}
