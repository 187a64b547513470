/*
 * @logout-lens/angular/material — Logout Lens's screens in Angular Material: the sign-out dialog,
 * the reason banner, the idle warning, the restoring screen, and (lazy) the Active sessions page
 * and the change-password form. `withMaterialUi()` puts the dialogs and notices to work.
 */
export * from './idle-warning-dialog';
export * from './logout-alert-dialog';
export * from './logout-reason-banner';
export * from './restoring-session';
export * from './material-ui';
export * from './pages';
export * from './password-toggle';
