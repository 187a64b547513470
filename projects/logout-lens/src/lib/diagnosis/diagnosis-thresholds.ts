/** Where the diagnosis draws its lines. Support quotes these, so each is named and documented. */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A clock off by at least this much is named (smaller offsets are within the measurement noise). */
export const CLOCK_SKEW_THRESHOLD_MS = MINUTE;

/** A monitor check this late means the laptop slept or the tab was frozen. */
export const SLEEP_THRESHOLD_MS = 5 * MINUTE;

/** Only sleeps this recent are worth mentioning. */
export const RECENT_SLEEP_MS = DAY;

/** A successful refresh this shortly before a reuse sign-out means two refreshes raced. */
export const REFRESH_RACE_WINDOW_MS = MINUTE;

/** A signed-in session this close to its refresh token's end is critical (as in the token monitor). */
export const SESSION_ENDING_MS = DAY;

