import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { ErrorLog, recordErrorsOf } from './error-log';

describe('recordErrorsOf', () => {
  function setUp() {
    const log = TestBed.inject(ErrorLog);
    const seen: unknown[] = [];
    // The app's own handler (an error tracker, say): it still gets every error.
    class TrackerHandler extends ErrorHandler {
      override handleError(error: unknown): void {
        seen.push(error);
      }
    }
    const handler = new TrackerHandler();
    recordErrorsOf(handler, log);
    return { log, handler, seen };
  }

  it("notes each error for the report and hands it on to the app's handler", () => {
    const { log, handler, seen } = setUp();
    const error = new TypeError('x is undefined');

    handler.handleError(error);

    expect(seen).toEqual([error]);
    expect(log.recent()).toEqual([expect.objectContaining({ source: 'error-handler', message: 'TypeError: x is undefined' })]);
  });

  it('notes an unhandled rejection by its reason, scrubbed of tokens', () => {
    const { log, handler } = setUp();

    handler.handleError({ rejection: new Error('refresh failed for Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl') });

    const [recorded] = log.recent();
    expect(recorded?.source).toBe('unhandled-rejection');
    expect(recorded?.message).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });
});
