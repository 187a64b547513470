/**
 * The report builder, the server audit trail, the diagnosis (`diagnose`, its English words), the
 * evidence collector, the logout history, the reason presenter and the token monitor: what the
 * reason banner, the debug drawer and `LogoutLens.report()` use. Services in it are injectable
 * from the root injector once loaded: `injector.get(kit.LogoutHistory)`.
 */
export type LogoutLensKit = typeof import('./report');

let loading: Promise<LogoutLensKit> | null = null;

/**
 * Fetches the kit on first use, once; none of it is in an app's initial bundle. A failed fetch
 * (the app was redeployed under the page) is tried again on the next call.
 */
export function loadLogoutLensKit(): Promise<LogoutLensKit> {
  loading ??= import('./report').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
