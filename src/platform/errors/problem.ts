import { z } from 'zod';

// RFC 9457 problem details. `errors` names each failing field and why.
export const fieldErrorSchema = z.object({ field: z.string(), reason: z.string() });
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusTitle(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** Thrown by services and routes; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }

  toProblem(instance?: string): Problem {
    return {
      type: `urn:koers:problem:${this.code}`,
      title: statusTitle(this.status),
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'bad-request', detail, errors);
export const unauthorized = (detail = 'Log in to do this.') => new HttpProblem(401, 'unauthorized', detail);
export const forbidden = (detail = 'Your role does not allow this.') => new HttpProblem(403, 'forbidden', detail);
export const notFound = (detail = 'Nothing exists at this address.') => new HttpProblem(404, 'not-found', detail);
export const conflict = (detail: string, errors?: FieldError[]) => new HttpProblem(409, 'conflict', detail, errors);
