import { HttpContextToken, HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { throwError } from 'rxjs';

/** Marks a demo request that should fail as if the network were cut. */
export const SIMULATE_NETWORK_CUT = new HttpContextToken<boolean>(() => false);

/**
 * Lets the "Try the API" panel show what a cut network does: the marked request never leaves the
 * browser and fails exactly as a dropped connection does (status 0).
 */
export const networkCutInterceptor: HttpInterceptorFn = (req, next) =>
  req.context.get(SIMULATE_NETWORK_CUT)
    ? throwError(
        () =>
          new HttpErrorResponse({
            status: 0,
            statusText: 'Unknown Error',
            url: req.url,
            error: new ProgressEvent('error'),
          }),
      )
    : next(req);
