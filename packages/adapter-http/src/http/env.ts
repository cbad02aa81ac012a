import type { Actor } from '@fioco-flow/core';
import type { Locale } from '@fioco-flow/rules';

/** Values the middleware puts on every request's Hono context. */
export interface AdapterEnv {
  Variables: {
    /** The response language, from `Accept-Language`. */
    locale: Locale;
    /** The authenticated actor; set on every route except the public ones. */
    actor: Actor;
  };
}
