// What the screens that explain a sign-out use, and only they: the report, the server audit
// trail, the diagnosis, the evidence it reasons from, the history, the words for each reason and
// the token monitor. None of it runs at start, so none of it is in an app's initial bundle: it is
// fetched on first use, through `loadLogoutLensKit()`.
export { AuditApi } from './audit-api';
export { DiagnosticReportBuilder, REPORT_SCHEMA, REPORT_VERSION } from './diagnostic-report';
export { diagnose } from '../diagnosis/diagnose';
export { ENGLISH_DIAGNOSIS_WORDS } from '../diagnosis/diagnosis-words.en';
export { ENGLISH_LOGOUT_REASONS } from '../intl/logout-reasons.en';
export { EvidenceCollector } from '../logout/evidence-collector';
export { LOGOUT_HISTORY_KEY, LOGOUT_HISTORY_LIMIT, LogoutHistory } from '../logout/logout-history';
export { LogoutPresenter, presentLogout } from '../logout/logout-presenter';
export { TokenMonitor } from '../diagnostics/token-monitor';
export { computeTokenStatus, describeTokenStatus } from '../diagnostics/token-status';
