import { Injectable, inject } from '@angular/core';

import { ConsoleLogLevel, LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';

const RANK: Record<ConsoleLogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 99 };
const COLOUR: Record<Exclude<ConsoleLogLevel, 'off'>, string> = {
  debug: 'color:#2e7d32',
  info: 'color:#2e7d32;font-weight:bold',
  warn: 'color:#b26a00;font-weight:bold',
  error: 'color:#c62828;font-weight:bold',
};

/** A recent console line, kept for the diagnostic report. */
export interface ConsoleLine {
  at: number;
  level: Exclude<ConsoleLogLevel, 'off'>;
  prefix: string;
  message: string;
}

const KEEP_LINES = 100;

/**
 * Colour-coded, levelled console output for `[TokenMonitor]` and `[LogoutTracker]` lines.
 * Callers pass only non-secret values; objects are shown folded on the same line.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleLog {
  private readonly threshold = RANK[inject(LOGOUT_LENS_CONFIG).consoleLogLevel];
  private readonly lines: ConsoleLine[] = [];

  write(
    level: Exclude<ConsoleLogLevel, 'off'>,
    prefix: string,
    message: string,
    details?: object,
  ): void {
    this.lines.push({ at: Date.now(), level, prefix, message });
    if (this.lines.length > KEEP_LINES) this.lines.shift();
    if (RANK[level] < this.threshold) return;
    const method = level === 'debug' ? 'log' : level;
    const head = [`%c${prefix}%c ${message}`, COLOUR[level], ''];
    // An object argument shows folded in the browser console, on a line of the right level.
    console[method](...head, ...(details ? [details] : []));
  }

  /** The last lines written, whatever the level (for the diagnostic report). */
  recent(): readonly ConsoleLine[] {
    return [...this.lines];
  }
}
