/*
 * @logout-lens/angular — the core: session, interceptor, cross-tab coordination, activity, logout
 * tracker and outbox, diagnosis, token monitor. No Angular Material in here.
 */

// The public API an app builds on.
export * from './lib/api/interceptor';
export * from './lib/api/logout-lens';
export * from './lib/api/logout-lens-events';
export * from './lib/api/provide-logout-lens';
export * from './lib/config/features';
export * from './lib/idle/with-idle-policy';
export * from './lib/intl/logout-lens-intl';
export type * from './lib/intl/material-words';
export type * from './lib/intl/change-password-words';
export type * from './lib/intl/diagnosis-words';
export type * from './lib/intl/drawer-words';
export type * from './lib/intl/sessions-words';
export * from './lib/api/with-devtools';
export * from './lib/auth/error-policy';
export * from './lib/logout/before-sign-out';

// Building blocks the /material and /devtools entry points (and an app's own UI) are made of.
export * from './lib/auth/api-request';
export type { AuthApi } from './lib/auth/auth-api';
export * from './lib/auth/auth-api-loader';
export * from './lib/auth/auth-storage';
export * from './lib/auth/auth.guard';
export * from './lib/auth/routes';
export * from './lib/auth/server-clock';
export * from './lib/auth/session-backend';
export * from './lib/auth/read-code';
export type { RefreshErrorReader, RefreshFailure } from './lib/auth/refresh-outcome';
export * from './lib/auth/session-policy';
export * from './lib/auth/state/auth.actions';
export * from './lib/auth/state/auth.feature';
export * from './lib/auth/state/change-password-page.actions';
export * from './lib/auth/state/restoring-session.actions';
export * from './lib/config/logout-lens.config';
export type * from './lib/diagnosis/diagnosis-rule';
export * from './lib/diagnosis/evidence';
export * from './lib/model/time-format';
export * from './lib/diagnosis/diagnosis-thresholds';
export * from './lib/diagnostics/api-call-log';
export * from './lib/diagnostics/error-log';
export * from './lib/diagnostics/state/diagnostics.feature';
export type * from './lib/diagnostics/token-monitor';
export type * from './lib/diagnostics/token-status';
export type * from './lib/logout/evidence-collector';
export * from './lib/logout/last-logout-reason';
export type * from './lib/logout/logout-history';
export * from './lib/logout/logout-messages';
export type * from './lib/logout/logout-presenter';
export * from './lib/model/api-call';
export * from './lib/model/logout-presentation';
export * from './lib/model/logout-record';
export * from './lib/model/logout-type';
export * from './lib/model/session.model';
export * from './lib/notifications/http-error-message';
export * from './lib/platform/activity-clock';
export * from './lib/platform/browser.tokens';
export * from './lib/platform/console-log';
export * from './lib/platform/logout-lens-ui';
export * from './lib/platform/redact-secrets';
export * from './lib/platform/scheduler.token';
export * from './lib/platform/tab-id';
export { newDeviceId } from './lib/platform/ids';
export type * from './lib/report/audit-api';
export type * from './lib/report/diagnostic-report';
export * from './lib/report/logout-lens-kit';
export * from './lib/tabs/tab-registry';
