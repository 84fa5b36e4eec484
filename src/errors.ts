/**
 * The error catalogue. Every error the mock answers with is an `ApiError`, rendered as the
 * Conversations API's own body: `{"errors":[{code, description, parameter}]}`.
 */
export interface ApiErrorItem {
  code: number;
  description: string;
  parameter: string | null;
}

export const ErrorCode = {
  requestNotAllowed: 2,
  missingParams: 9,
  invalidParams: 10,
  notFound: 20,
  badRequest: 21,
  endpointNotFound: 98,
  internalError: 99,
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 405 | 413 | 422 | 500,
    readonly items: ApiErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(items.map((i) => i.description).join('; '));
    this.name = 'ApiError';
  }

  toBody(): { errors: ApiErrorItem[] } {
    return { errors: this.items };
  }
}

const one = (code: number, description: string, parameter: string | null = null): ApiErrorItem => ({
  code,
  description,
  parameter,
});

export const errors = {
  unauthorized: () =>
    new ApiError(401, [one(ErrorCode.requestNotAllowed, 'Request not allowed (incorrect access_key)', 'access_key')]),
  badJson: (detail: string) =>
    new ApiError(400, [
      one(ErrorCode.badRequest, `The request body is not valid JSON (${detail}); send a JSON object with Content-Type: application/json`),
    ]),
  notAnObject: (kind: string) =>
    new ApiError(400, [one(ErrorCode.badRequest, `The request body must be a JSON object, got ${kind}`)]),
  bodyTooLarge: (limit: number) =>
    new ApiError(413, [one(ErrorCode.badRequest, `The request body is larger than ${limit} bytes; the mock accepts at most 1 MiB`)]),
  validation: (items: ApiErrorItem[]) => new ApiError(422, items),
  notFound: (what: string, id: string, parameter = 'id') =>
    new ApiError(404, [one(ErrorCode.notFound, `${what} not found: no ${what} has id "${id}"`, parameter)]),
  routeNotFound: (method: string, path: string) =>
    new ApiError(404, [
      one(ErrorCode.endpointNotFound, `No endpoint ${method} ${path}; see the README for the endpoints the mock serves`),
    ]),
  methodNotAllowed: (method: string, path: string, allowed: string[]) =>
    new ApiError(
      405,
      [one(ErrorCode.endpointNotFound, `Method ${method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`)],
      { Allow: allowed.join(', ') },
    ),
  internal: (requestId: string) =>
    new ApiError(500, [
      one(ErrorCode.internalError, `Internal error in the mock (request ${requestId}); the stack trace is in the mock's log`),
    ]),
};
