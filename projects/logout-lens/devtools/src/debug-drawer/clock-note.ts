import { CLOCK_SKEW_THRESHOLD_MS, DrawerWords } from '@logout-lens/angular';

/**
 * The one sentence that says the drawer's times were corrected for this computer's clock, in the
 * drawer's `words` (the offset in the diagnosis words' `clockOffset`), or null when its skew is within the measurement noise and nothing needed
 * correcting. `skewMs` is server time minus local time (positive: this computer is behind).
 */
export function clockCorrectionNote(
  skewMs: number,
  words: Pick<DrawerWords, 'clockNote'>,
  clockOffset: (skewMs: number) => string,
): string | null {
  if (!isNotableSkew(skewMs)) return null;
  return words.clockNote(skewMs, clockOffset(skewMs));
}

/** Whether a clock skew is worth a warning (the same line the diagnosis draws). */
export function isNotableSkew(skewMs: number): boolean {
  return Math.abs(skewMs) >= CLOCK_SKEW_THRESHOLD_MS;
}
