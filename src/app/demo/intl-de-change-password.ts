import { ChangePasswordWords } from '@logout-lens/angular';

/** ChangePassword words in German, for the demo's second language. */
export const GERMAN_CHANGE_PASSWORD_WORDS: Partial<ChangePasswordWords> = {};
