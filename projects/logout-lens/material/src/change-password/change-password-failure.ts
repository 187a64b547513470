import { HttpErrorResponse } from '@angular/common/http';

/** The form's fields that the server may find fault with. */
export type PasswordField = 'currentPassword' | 'newPassword';

/** Why a password change failed: per-field messages to show under the fields, or one sentence. */
export interface ChangePasswordFailure {
  /** The server's messages per field (Django's password validators, "The current password is wrong."). */
  fields: Partial<Record<PasswordField, string[]>>;
  /** Anything that belongs to no field: a failed call in words, or a non-field message. */
  message: string | null;
}

/** The server's field names, as the form calls them. */
const FIELD_BY_NAME: Record<string, PasswordField> = {
  current_password: 'currentPassword',
  new_password: 'newPassword',
};

/** Messages kept per field, and characters per message: the body is the server's, not ours. */
const MAX_MESSAGES = 5;
const MAX_MESSAGE_LENGTH = 300;

/**
 * Reads a failed change-password call. A 400 carries `{detail, code: "invalid", errors: {field:
 * [messages]}}`, shown as the server wrote them; every other failure (network, 401, 403, 429, 5xx)
 * is put into words by `describe` (`LogoutLensIntl.httpError`), none of which ends the session.
 */
export function toChangePasswordFailure(
  error: unknown,
  describe: (status: number) => string,
): ChangePasswordFailure {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const errors = invalidInputErrors(error);
  if (!errors) return { fields: {}, message: describe(status) };
  const fields: ChangePasswordFailure['fields'] = {};
  const other: string[] = [];
  for (const [name, value] of Object.entries(errors)) {
    const messages = (Array.isArray(value) ? value : [value])
      .filter((m): m is string => typeof m === 'string' && m.length > 0)
      .slice(0, MAX_MESSAGES)
      .map((m) => m.slice(0, MAX_MESSAGE_LENGTH));
    if (messages.length === 0) continue;
    const field = FIELD_BY_NAME[name];
    if (field) fields[field] = messages;
    else other.push(...messages);
  }
  const message = other.length ? other.join(' ') : Object.keys(fields).length ? null : describe(status);
  return { fields, message };
}

function invalidInputErrors(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return null;
  const body: unknown = error.error;
  if (!body || typeof body !== 'object') return null;
  const errors = (body as { errors?: unknown }).errors;
  return errors && typeof errors === 'object' && !Array.isArray(errors) ? (errors as Record<string, unknown>) : null;
}
