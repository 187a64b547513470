import { ErrorHandler, Injectable, inject } from '@angular/core';

import { CLOCK } from '../platform/browser.tokens';
import { redactText } from '../platform/redact-secrets';

/** An uncaught error as the diagnostic report keeps it: message and the top of the stack. */
export interface RecordedError {
  at: number;
  source: 'error-handler' | 'unhandled-rejection';
  message: string;
  stack: string | null;
}

const KEEP_ERRORS = 20;

/** Bounded record of recent uncaught errors. */
@Injectable({ providedIn: 'root' })
export class ErrorLog {
  private readonly clock = inject(CLOCK);
  private readonly errors: RecordedError[] = [];

  record(source: RecordedError['source'], error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(0, 6).join('\n') : null;
    this.errors.push({
      at: this.clock(),
      source,
      message: redactText(message).slice(0, 500),
      stack: stack ? redactText(stack).slice(0, 1500) : null,
    });
    if (this.errors.length > KEEP_ERRORS) this.errors.shift();
  }

  recent(): readonly RecordedError[] {
    return [...this.errors];
  }
}

/**
 * Records every error the app's ErrorHandler is given — whichever handler the app uses (Angular's
 * own, or one that reports to an error tracker) — before that handler sees it. Unhandled promise
 * rejections reach it too, through the browser's global error listeners.
 */
export function recordErrorsOf(handler: ErrorHandler, log: ErrorLog): void {
  const handle = handler.handleError.bind(handler);
  handler.handleError = (error: unknown) => {
    const rejection = error && typeof error === 'object' && 'rejection' in error;
    log.record(rejection ? 'unhandled-rejection' : 'error-handler', rejection ? (error as { rejection: unknown }).rejection : error);
    handle(error);
  };
}
