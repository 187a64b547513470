import { Observable, defer, from, shareReplay } from 'rxjs';

/**
 * A module (or what is made of it) loaded at the first subscription and shared from then on; a
 * load that fails is tried again at the next subscription. Logout Lens keeps the code a page does
 * not need at start behind these, out of the initial bundle.
 */
export function onDemand<T>(load: () => Observable<T> | Promise<T>): Observable<T> {
  return defer(() => from(load())).pipe(shareReplay(1));
}
