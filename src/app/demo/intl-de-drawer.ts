import { DrawerWords } from '@logout-lens/angular';

/** Drawer words in German, for the demo's second language. */
export const GERMAN_DRAWER_WORDS: Partial<DrawerWords> = {};
