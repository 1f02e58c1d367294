import 'server-only';
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import type { Role } from '../../core/roles';
import { requireActionUser } from '../auth/require-action-user';
import type { SessionUser } from '../../features/users/session-user';
import { fail, invalid, type ActionResult } from './action-result';

interface ActionSpec<S extends z.ZodType, R> {
  /** The lowest role that may call the action (Origin and session are checked too). */
  role: Role;
  schema: S;
  /** How a submitted form becomes the schema's input; default: its fields as an object. */
  fromForm?: (form: FormData) => unknown;
  /** The result for input the schema refuses; default: per-field messages. */
  onInvalid?: (error: z.ZodError) => R;
  /** The result for an expected failure (sign-in, role, a domain rule); default: its message. */
  onRefused?: (error: AppError) => R;
}

/**
 * The one shape of every server action: authenticate with a role, parse with zod, run one
 * domain call, and turn expected failures into a typed result. Actions stay a few lines:
 *
 *   export const createUserAction = serverAction({ role: 'admin', schema }, async (input, admin) => ok(...));
 */
export function serverAction<S extends z.ZodType, R = ActionResult<unknown>>(
  spec: ActionSpec<S, R>,
  run: (input: z.output<S>, actor: SessionUser) => Promise<R>,
): (previous: R | null, submitted: unknown) => Promise<R> {
  const onInvalid = spec.onInvalid ?? ((error: z.ZodError) => invalid(error) as R);
  const onRefused = spec.onRefused ?? ((error: AppError) => fail(error.message) as R);
  return async (_previous, submitted) => {
    try {
      const actor = await requireActionUser(spec.role);
      const raw = submitted instanceof FormData ? (spec.fromForm ?? Object.fromEntries)(submitted) : submitted;
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) return onInvalid(parsed.error);
      return await run(parsed.data, actor);
    } catch (error) {
      if (error instanceof AppError) return onRefused(error);
      throw error;
    }
  };
}
