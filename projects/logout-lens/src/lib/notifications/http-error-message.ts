import { HttpErrorResponse } from '@angular/common/http';

/**
 * Puts a failed API call into words for the user. None of these end the session, and each
 * message says so.
 */
export function describeHttpError(error: unknown): string {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const still = 'You are still signed in.';
  if (status === 0) return `Can't reach the server — check your connection. ${still}`;
  if (status === 402) return `This action needs a paid plan (402). ${still}`;
  if (status === 403) return `The server refused this action (403). ${still}`;
  if (status === 404) return `The server doesn't know this address (404). ${still}`;
  if (status === 429) return `Too many requests — wait a moment and try again. ${still}`;
  if (status === 502 || status === 503 || status === 504) {
    return `The server is temporarily unavailable (${status}). ${still}`;
  }
  if (status >= 500) return `The server hit an error (${status}). ${still}`;
  if (status === 401) return `The server asked for a fresh sign-in token (401).`;
  return `The request failed (${status}). ${still}`;
}
