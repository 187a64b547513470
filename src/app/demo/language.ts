import { registerLocaleData } from '@angular/common';
import { Type } from '@angular/core';

import { LogoutLensIntl, LogoutReason } from '@logout-lens/angular';

import { APP_LOGOUT_REASONS } from './app-logout-reasons';
import { DemoWords, ENGLISH_DEMO_WORDS } from './demo-words';

/** The language the demo shows: Logout Lens's words, the demo's own words and reasons, and the locale of dates. */
export interface DemoLanguage {
  intl: Type<LogoutLensIntl>;
  words: DemoWords;
  reasons: Record<string, LogoutReason>;
  localeId: string;
}

/** The language the demo shows: `?lang=de` or `?lang=en` chooses it, and this browser keeps the choice. */
export function demoLanguage(win: Window | null = typeof window === 'undefined' ? null : window): 'en' | 'de' {
  if (!win) return 'en';
  const asked = new URLSearchParams(win.location.search).get('lang');
  let language: 'en' | 'de';
  try {
    if (asked === 'de' || asked === 'en') win.localStorage.setItem('logout_lens_demo_lang', asked);
    language = win.localStorage.getItem('logout_lens_demo_lang') === 'de' ? 'de' : 'en';
  } catch {
    language = asked === 'de' ? 'de' : 'en';
  }
  win.document.documentElement.lang = language;
  return language;
}

/** English is built in; German (its words and Angular's locale data) is fetched only for German. */
export async function loadLanguage(language: 'en' | 'de'): Promise<DemoLanguage> {
  if (language === 'en') return { intl: LogoutLensIntl, words: ENGLISH_DEMO_WORDS, reasons: APP_LOGOUT_REASONS, localeId: 'en-US' };
  const [{ GermanLogoutLensIntl, GERMAN_APP_LOGOUT_REASONS }, { GERMAN_DEMO_WORDS }, locale] = await Promise.all([
    import('./intl-de'),
    import('./demo-words.de'),
    import('@angular/common/locales/de'),
  ]);
  registerLocaleData(locale.default);
  return { intl: GermanLogoutLensIntl, words: GERMAN_DEMO_WORDS, reasons: GERMAN_APP_LOGOUT_REASONS, localeId: 'de' };
}
