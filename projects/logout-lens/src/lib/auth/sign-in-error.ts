import { HttpErrorResponse } from '@angular/common/http';

import { SignInError } from '../model/session.model';
import { readCode } from './read-code';

/** Maps a login failure to something the sign-in page can put into words. */
export function toSignInError(error: unknown): SignInError {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'server', status: 0 };
  if (error.status === 401) {
    return readCode(error.error) === 'account_disabled' ? { kind: 'account-disabled' } : { kind: 'invalid-credentials' };
  }
  if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504) {
    return { kind: 'unreachable' };
  }
  if (error.status === 429) return { kind: 'throttled' };
  if (error.status === 400) return { kind: 'invalid-input', fields: fieldErrors(error.error) };
  return { kind: 'server', status: error.status };
}

/** The per-field messages of a 400 answer (`{detail, code: "invalid", errors: {field: [...]}}`). */
function fieldErrors(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const errors = body && typeof body === 'object' ? (body as { errors?: unknown }).errors : null;
  if (!errors || typeof errors !== 'object') return fields;
  for (const [key, value] of Object.entries(errors)) {
    const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : value;
    if (typeof text === 'string' && text) fields[key] = text.slice(0, 200);
  }
  return fields;
}
