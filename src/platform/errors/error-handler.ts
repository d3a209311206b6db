import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, type FieldError } from './problem.ts';

function send(reply: FastifyReply, request: FastifyRequest, problem: HttpProblem) {
  if (problem.headers) reply.headers(problem.headers);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problem.toProblem(request.url.split('?')[0]));
}

function zodFieldErrors(error: { validation: Array<{ instancePath: string; message?: string }>; validationContext?: string }): FieldError[] {
  const where = error.validationContext ?? 'body';
  return error.validation.map((issue) => ({
    field: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
    reason: issue.message ?? 'is not valid',
  }));
}

// Fastify's own client errors, by code, mapped to a status and a sentence a client can act on.
const clientErrors: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Send this request as application/json.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', 'The request body is larger than this server accepts.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid-json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid-json', 'The request body is empty but JSON was declared.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request', 'The Content-Length header does not match the body.'],
  FST_CSRF_INVALID_TOKEN: [403, 'csrf', 'This request needs a valid X-CSRF-Token header (from GET /api/v1/auth/me).'],
  FST_CSRF_MISSING_SECRET: [403, 'csrf', 'This request needs a valid X-CSRF-Token header (from GET /api/v1/auth/me).'],
  FST_ERR_BAD_URL: [400, 'bad-request', 'The request address is not valid.'],
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return send(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(reply, request, new HttpProblem(400, 'validation', 'Some fields are not valid.', zodFieldErrors(error)));
    }
    const known = error.code ? clientErrors[error.code] : undefined;
    if (known) return send(reply, request, new HttpProblem(known[0], known[1], known[2]));
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return send(reply, request, new HttpProblem(400, 'bad-request', 'The request could not be read.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, new HttpProblem(error.statusCode, 'client-error', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, new HttpProblem(500, 'internal', 'Something went wrong on our side. It has been logged.'));
  });
}
