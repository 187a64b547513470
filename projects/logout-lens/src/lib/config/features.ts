import { EnvironmentProviders, Provider } from '@angular/core';

/** The kinds of feature `provideLogoutLens()` takes; each may be given once. */
export type LogoutLensFeatureKind =
  | 'AppStore'
  | 'MaterialUi'
  | 'Devtools'
  | 'IdlePolicy'
  | 'LogoutReasons'
  | 'ErrorPolicy'
  | 'BeforeSignOut'
  | 'SessionBackend';

/**
 * A part of Logout Lens an app opts into, made by a `withX()` function and passed to
 * `provideLogoutLens(config, ...features)`.
 */
export interface LogoutLensFeature<K extends LogoutLensFeatureKind = LogoutLensFeatureKind> {
  readonly ɵkind: K;
  readonly ɵproviders: (Provider | EnvironmentProviders)[];
}

/** Makes a feature; for the `withX()` functions of this package and its entry points. */
export function logoutLensFeature<K extends LogoutLensFeatureKind>(
  kind: K,
  providers: (Provider | EnvironmentProviders)[],
): LogoutLensFeature<K> {
  return { ɵkind: kind, ɵproviders: providers };
}
