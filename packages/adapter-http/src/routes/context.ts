import type { ApplicationService, ApplicationView, FileStore } from '@fioco-flow/core';
import type { Context } from 'hono';
import type { UploadLimits } from '../http/body.js';
import type { AdapterEnv } from '../http/env.js';
import type { IdempotencyOptions } from '../http/idempotency.js';
import { problemFromServiceError } from '../problems/service-errors.js';

/** Dependencies the application routes share. */
export interface RouteDependencies {
  readonly service: ApplicationService;
  readonly files: FileStore;
  readonly limits: UploadLimits;
  readonly idempotency: IdempotencyOptions;
  /** Prefix of every route, such as `/api`, for the links the routes write. */
  readonly basePath: string;
}

/** Returns the path of the request, for a problem's `instance`. */
export function requestPath(c: Context<AdapterEnv>): string {
  return new URL(c.req.url).pathname;
}

/**
 * Loads the application the route names, as the actor may see it.
 *
 * @throws {ProblemError} `application_not_found` (404), also for another organization's application.
 */
export async function loadApplication(c: Context<AdapterEnv>, service: ApplicationService): Promise<ApplicationView> {
  const id = c.req.param('id') ?? '';
  const found = await service.get(id, c.get('actor'), { locale: c.get('locale') });
  if (!found.ok) throw problemFromServiceError(found.error, c.get('locale'));
  return found.application;
}
