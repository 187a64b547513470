import { Injectable } from '@angular/core';

import { ApiCall } from '../model/api-call';

const KEEP_CALLS = 50;
const KEEP_FAILURES = 20;

/** Bounded record of the last API calls and failures, for the logout record and the report. */
@Injectable({ providedIn: 'root' })
export class ApiCallLog {
  private readonly calls: ApiCall[] = [];
  private readonly failures: ApiCall[] = [];

  record(call: ApiCall): void {
    push(this.calls, call, KEEP_CALLS);
    if (call.status === 0 || call.status >= 400) push(this.failures, call, KEEP_FAILURES);
  }

  recentCalls(): readonly ApiCall[] {
    return [...this.calls];
  }

  recentFailures(limit = KEEP_FAILURES): readonly ApiCall[] {
    return this.failures.slice(-limit);
  }
}

function push<T>(buffer: T[], item: T, max: number): void {
  buffer.push(item);
  if (buffer.length > max) buffer.splice(0, buffer.length - max);
}

/** The path of a URL with query values dropped (names kept: `?page=…`). */
export function redactUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (!query) return path;
  const names = query.split('&').map((pair) => `${pair.split('=')[0]}=…`);
  return `${path}?${names.join('&')}`;
}
