// The body of every error the BFF itself answers with. The SPA reads it with the shared OpenStack error parser
// (openstack-errors.ts), which understands this shape among the services' own.
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.object({
    message: z.string(),
    status: z.number().int(),
    /** The OpenStack service's request id, when a service's answer caused the error. */
    requestId: z.string().optional(),
    /**
     * A machine-readable reason: no_session, session_ended, scope_changed, csrf, invalid_request, upstream_unreachable,
     * upstream_timeout, session_store_unavailable...
     */
    code: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
