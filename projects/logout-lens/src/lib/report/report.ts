/** The report and the server audit trail, loaded on first use by `LogoutLens.report()`. */
export { AuditApi } from './audit-api';
export { DiagnosticReportBuilder } from './diagnostic-report';
