import 'server-only';
import { isAuthError, authErrorResponse, requireApiActor, type Role, type SessionUser } from '../auth';
import { isNotFoundError } from '../../core/errors';

/**
 * The REST API's glue: authenticate (session cookie or `Bearer cs_…` token, with the role),
 * run the handler, map typed errors to JSON. Handlers stay one domain call long.
 */
export function apiHandler<C>(minRole: Role, handler: (request: Request, actor: SessionUser, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const actor = await requireApiActor(request, minRole);
      return await handler(request, actor, context);
    } catch (error) {
      if (isAuthError(error)) return authErrorResponse(error);
      if (isNotFoundError(error)) return Response.json({ error: 'not_found', message: error.message }, { status: 404 });
      throw error;
    }
  };
}

export function badRequest(message: string): Response {
  return Response.json({ error: 'invalid_request', message }, { status: 400 });
}
