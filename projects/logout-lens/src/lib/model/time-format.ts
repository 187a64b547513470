/**
 * The one format every time the user sees is shown in: the browser's local time, as Angular's
 * `medium` date format ("Nov 28, 2026, 10:00:00 AM"), the same as the banner, the drawer and the
 * history.
 */
export const TIME_FORMAT = 'medium';
