// Where the outbox keeps undelivered sign-out events: read at start-up without loading the outbox.

/** localStorage key of events waiting for the backend. */
export const LOGOUT_EVENT_QUEUE_KEY = 'logout_event_queue';
/** How many undelivered events are kept; the oldest are dropped beyond that. */
export const LOGOUT_EVENT_QUEUE_LIMIT = 20;
