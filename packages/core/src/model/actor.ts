import { z } from 'zod';

/**
 * The roles that act in the procedure: the organization's representative, the institute's staff, the clock.
 *
 * @example
 * ```ts
 * import { roles } from '@fioco-flow/core';
 *
 * roles; //=> ['representative', 'staff', 'system']
 * ```
 */
export const roles = ['representative', 'staff', 'system'] as const;

/**
 * One of {@link roles}.
 *
 * @example
 * ```ts
 * import type { Role } from '@fioco-flow/core';
 *
 * const role: Role = 'staff';
 * ```
 */
export type Role = (typeof roles)[number];

/**
 * An authenticated actor as the host passes it to the service. A representative is bound to exactly one
 * organization; `id` names the person for the event log and for idempotency keys.
 *
 * @example
 * ```ts
 * import { actorSchema } from '@fioco-flow/core';
 *
 * actorSchema.parse({ id: 'rep-orlova', role: 'representative', organizationId: 'org-6912004726' });
 * actorSchema.parse({ id: 'staff-lebedev', role: 'staff' });
 * ```
 */
export const actorSchema = z.discriminatedUnion('role', [
  z.object({ id: z.string().min(1), role: z.literal('representative'), organizationId: z.string().min(1) }),
  z.object({ id: z.string().min(1), role: z.literal('staff') }),
  z.object({ id: z.string().min(1), role: z.literal('system') }),
]);

/**
 * An authenticated actor: see {@link actorSchema}.
 *
 * @example
 * ```ts
 * import type { Actor } from '@fioco-flow/core';
 *
 * const representative: Actor = { id: 'rep-orlova', role: 'representative', organizationId: 'org-6912004726' };
 * ```
 */
export type Actor = z.infer<typeof actorSchema>;

/**
 * The actor that applies deadlines: every `clock.tick` event in the log names it.
 *
 * @example
 * ```ts
 * import { clockActor } from '@fioco-flow/core';
 *
 * clockActor; //=> { id: 'clock', role: 'system' }
 * ```
 */
export const clockActor: Actor = { id: 'clock', role: 'system' };
