import Bowser from 'bowser';

import { SessionsWords } from '@logout-lens/angular';

import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

/** A browser's user agent put into words a person recognises. */
export interface DeviceDescription {
  /** Browser and OS with versions, e.g. "Chrome 156 on Linux"; "Unknown browser" when unreadable. */
  full: string;
  /** The same without versions, e.g. "Chrome on Linux", for confirmations. */
  short: string;
  /** Whether it is a phone or a tablet. */
  mobile: boolean;
}

/**
 * Describes the browser and operating system a user agent string names, in `words` (the product
 * names and versions come from the user agent itself).
 */
export function describeUserAgent(
  userAgent: string | null | undefined,
  words: Pick<SessionsWords, 'browserOnOs' | 'unknownBrowser'> = ENGLISH_SESSIONS_WORDS,
): DeviceDescription {
  const parsed = parse(userAgent);
  const browser = parsed?.browser.name?.trim() ?? '';
  if (!parsed || !browser) return { full: words.unknownBrowser, short: words.unknownBrowser, mobile: false };

  const browserVersion = majorVersion(parsed.browser.version);
  const os = parsed.os.name?.trim() ?? '';
  const osVersion = parsed.os.versionName?.trim() || majorVersion(parsed.os.version);
  const mobile = parsed.platform.type === 'mobile' || parsed.platform.type === 'tablet';
  const fullBrowser = join(browser, browserVersion);
  if (!os) return { full: fullBrowser, short: browser, mobile };
  return { full: words.browserOnOs(fullBrowser, join(os, osVersion)), short: words.browserOnOs(browser, os), mobile };
}

function parse(userAgent: string | null | undefined): Bowser.Parser.ParsedResult | null {
  // The parser refuses an empty string; a missing agent is simply unknown.
  if (!userAgent?.trim()) return null;
  try {
    return Bowser.parse(userAgent);
  } catch {
    return null;
  }
}

/** "156.0.0.0" → "156"; anything that does not start with a number is left out. */
function majorVersion(version: string | undefined): string {
  return /^\d+/.exec(version?.trim() ?? '')?.[0] ?? '';
}

function join(name: string, version: string): string {
  return version ? `${name} ${version}` : name;
}
