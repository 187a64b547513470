/*
 * @logout-lens/angular/simplejwt — sessions from a Django project on djangorestframework-simplejwt:
 * `withSimpleJwt()` for a project that mounts `logout_lens.contrib.simplejwt`, and
 * `withStockSimpleJwt()` for a stock simplejwt project that cannot change. An app on Logout Lens's
 * own backend does not import this entry point, and so ships none of it.
 */
export * from './with-simple-jwt';
export * from './with-stock-simple-jwt';
