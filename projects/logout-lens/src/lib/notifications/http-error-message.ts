import { HttpErrorResponse } from '@angular/common/http';

import { LogoutLensIntl } from '../intl/logout-lens-intl';

const ENGLISH = new LogoutLensIntl();

/**
 * Puts a failed API call into words for the user (`LogoutLensIntl.httpError`). None of these end
 * the session, and each message says so.
 */
export function describeHttpError(error: unknown, intl: LogoutLensIntl = ENGLISH): string {
  return intl.httpError(error instanceof HttpErrorResponse ? error.status : 0);
}
