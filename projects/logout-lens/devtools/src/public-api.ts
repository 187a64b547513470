/*
 * @logout-lens/angular/devtools — the 🔍 launcher, the debug drawer and the report view. Load it
 * lazily: `withDevtools(() => import('@logout-lens/angular/devtools'))`.
 */
export * from './debug-launcher/debug-launcher';
export * from './mount';
