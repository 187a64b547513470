import { SessionsWords } from '@logout-lens/angular';

/** Sessions words in German, for the demo's second language. */
export const GERMAN_SESSIONS_WORDS: Partial<SessionsWords> = {};
