import { ZErrorResponse } from '@switchboard/contracts';

/**
 * A route's documented error answers, each in the catalogue's body (`docs/errors.md`), for its
 * OpenAPI schema: `errorResponses(400, 401, 404)`.
 */
export const errorResponses = <const S extends readonly number[]>(...statuses: S) =>
  Object.fromEntries(statuses.map((status) => [status, ZErrorResponse])) as {
    [K in S[number]]: typeof ZErrorResponse;
  };
