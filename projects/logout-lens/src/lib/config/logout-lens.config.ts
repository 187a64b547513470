import { InjectionToken, Provider, inject, isDevMode } from '@angular/core';

/** Console verbosity for the `[TokenMonitor]` / `[LogoutTracker]` lines. */
export type ConsoleLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Everything an embedding app may tune. Every value has a documented default. */
export interface LogoutLensConfig {
  /** The app's name as people know it, in sentences such as "You signed out of {appName}." */
  appName: string;
  /** The app's version, in diagnostic reports. */
  appVersion: string;
  /** Path prefix of the backend API; the access token is attached only to requests under it. */
  apiBase: string;
  /**
   * Where the session endpoints are under `apiBase` (where the Django package's `logout_lens.urls`
   * is included): `{apiBase}{authPath}/login/`, `…/refresh/`, `…/logout/`, `…/me/` and so on.
   */
  authPath: string;
  /**
   * More places that get the access token besides `apiBase`: path prefixes of this origin or
   * absolute URL prefixes (`https://files.example.com/api`). Nothing else ever sees it.
   */
  tokenUrls: string[];
  /**
   * The header every session request carries, which the backend requires on cookie-only calls
   * (its `CSRF_HEADER_NAME` / `CSRF_HEADER_VALUE`): a cross-site form cannot send it.
   */
  csrfHeader: { name: string; value: string };
  /** The app's routes Logout Lens navigates to and guards. */
  routes: {
    /** The sign-in page; a session that ends leads here, and its banner says why. */
    signIn: string;
    /** Where a sign-in goes when there is no page to go back to. */
    afterSignIn: string;
    /** Whether a sign-in goes back to the page the user was on when the session ended. */
    returnToPrevious: boolean;
  };
  /** Upper bound on how long before the access token's expiry the proactive refresh runs. */
  refreshLeadSeconds: number;
  /** Attempts after the first for a refresh that fails transiently (network error, 5xx, timeout). */
  refreshRetries: number;
  /** Backoff before the first retry; doubled each time, capped by `refreshRetryMaxDelayMs`. */
  refreshRetryBaseDelayMs: number;
  refreshRetryMaxDelayMs: number;
  /** A refresh request that takes longer than this counts as a transient failure. */
  refreshTimeoutMs: number;
  /**
   * How long a call whose access token this tab knows has expired (a laptop that woke, a throttled
   * tab) waits for the shared refresh before it goes out anyway with the token it has: long enough
   * for a refresh that answers, short enough that a backend that is down never holds a call.
   */
  expiredTokenWaitMs: number;
  /** How often the session is re-checked while nothing else happens (sleep and throttling safety net). */
  sessionCheckIntervalMs: number;
  /** How long the sign-out dialog stays before the redirect to the sign-in page. */
  logoutAlertDelayMs: number;
  /** How long the logout reason banner stays on the sign-in page (paused while it is read). */
  bannerLifetimeMs: number;
  /** How long a notice in a snack bar ("… You are still signed in.") stays unless dismissed. */
  noticeDurationMs: number;
  /** Idle limit after which the session ends as IDLE_TIMEOUT; `null` (the default) disables the policy. */
  idleTimeoutMinutes: number | null;
  /** How long before the idle limit the warning dialog appears. */
  idleWarningSeconds: number;
  /** Activity is reported to the store at most once per this window (the exact time is kept apart). */
  activityThrottleMs: number;
  /** How often the token monitor checks and logs the session's health. */
  tokenMonitorIntervalMs: number;
  /** Console verbosity. */
  consoleLogLevel: ConsoleLogLevel;
  /** Whether the 🔍 debug button is shown (Ctrl+Shift+D works either way). */
  showDebugButton: boolean;
  /** Whom a person should contact about their account, as it reads in a sentence ("the IT help desk"). */
  supportContact: string;
}

export const DEFAULT_LOGOUT_LENS_CONFIG: LogoutLensConfig = {
  appName: 'this app',
  appVersion: '0.0.0',
  apiBase: '/v1',
  authPath: '/auth',
  tokenUrls: [],
  csrfHeader: { name: 'X-Requested-With', value: 'XMLHttpRequest' },
  routes: { signIn: '/signin', afterSignIn: '/', returnToPrevious: true },
  refreshLeadSeconds: 60,
  refreshRetries: 4,
  refreshRetryBaseDelayMs: 1000,
  refreshRetryMaxDelayMs: 15000,
  refreshTimeoutMs: 15000,
  expiredTokenWaitMs: 3000,
  sessionCheckIntervalMs: 30000,
  logoutAlertDelayMs: 5000,
  bannerLifetimeMs: 30000,
  noticeDurationMs: 6000,
  idleTimeoutMinutes: null,
  idleWarningSeconds: 60,
  activityThrottleMs: 5000,
  tokenMonitorIntervalMs: 30000,
  consoleLogLevel: isDevMode() ? 'debug' : 'warn',
  showDebugButton: isDevMode(),
  supportContact: 'your administrator',
};

/**
 * Name of an optional global an operator (or a test) may set before the app boots, e.g. from a
 * `<script>` in index.html, to tune the configuration at deploy time without a rebuild.
 */
export const RUNTIME_CONFIG_GLOBAL = '__LOGOUT_LENS_CONFIG__';

/** Where the session endpoints are: `{apiBase}{authPath}`, e.g. `/v1/auth`. */
export function authBase(config: Pick<LogoutLensConfig, 'apiBase' | 'authPath'>): string {
  return `${config.apiBase}${config.authPath}`;
}

/**
 * Where the backend's audit trail takes sign-out records: `{apiBase}{authPath}/logout-event/` (the
 * Django package's view). null: the backend keeps no audit trail (stock simplejwt), so records
 * stay in this browser's history only and none is queued for delivery.
 */
export const LOGOUT_EVENTS_URL = new InjectionToken<string | null>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_EVENTS_URL' : '',
  {
    providedIn: 'root',
    factory: () => `${authBase(inject(LOGOUT_LENS_CONFIG))}/logout-event/`,
  },
);

/** Parts of the configuration set by features (`withIdlePolicy()`), applied after the app's own. */
export const LOGOUT_LENS_CONFIG_PARTS = new InjectionToken<Partial<LogoutLensConfig>[]>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_CONFIG_PARTS' : '',
);

/**
 * The configuration in force: defaults, then `provideLogoutLens(config)`, then the features'
 * parts, then the runtime global.
 */
export const LOGOUT_LENS_CONFIG = new InjectionToken<LogoutLensConfig>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_CONFIG' : '',
  {
    providedIn: 'root',
    factory: () => resolveConfig({}),
  },
);

/** Overrides part of the configuration for an application. */
export function provideLogoutLensConfig(overrides: Partial<LogoutLensConfig>): Provider {
  return { provide: LOGOUT_LENS_CONFIG, useFactory: () => resolveConfig(overrides) };
}

function resolveConfig(overrides: Partial<LogoutLensConfig>): LogoutLensConfig {
  const parts = inject(LOGOUT_LENS_CONFIG_PARTS, { optional: true }) ?? [];
  return [overrides, ...parts, readRuntimeConfig()].reduce<LogoutLensConfig>(mergeConfig, DEFAULT_LOGOUT_LENS_CONFIG);
}

/** Applies only the keys that exist in the defaults and carry a value of the same type. */
export function mergeConfig(base: LogoutLensConfig, overrides: unknown): LogoutLensConfig {
  if (!overrides || typeof overrides !== 'object') return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in base)) continue;
    const expected = (base as unknown as Record<string, unknown>)[key];
    const nullable = key === 'idleTimeoutMinutes';
    if (Array.isArray(expected)) {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) merged[key] = [...value];
    } else if (expected !== null && typeof expected === 'object') {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        merged[key] = mergeFields(expected as Record<string, unknown>, value as Record<string, unknown>);
      }
    } else if (typeof value === typeof expected || (nullable && (value === null || typeof value === 'number'))) {
      merged[key] = value;
    }
  }
  return merged as unknown as LogoutLensConfig;
}

/** One level down: the keys the default has, with a value of the same type (finite, for numbers). */
function mergeFields(base: Record<string, unknown>, overrides: Record<string, unknown>) {
  const merged = { ...base };
  for (const key of Object.keys(base)) {
    const value = overrides[key];
    if (typeof value !== typeof base[key]) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    merged[key] = value;
  }
  return merged;
}

function readRuntimeConfig(): unknown {
  return typeof globalThis === 'object'
    ? (globalThis as Record<string, unknown>)[RUNTIME_CONFIG_GLOBAL]
    : undefined;
}
