import { Injectable } from '@angular/core';

/**
 * Holds the access token in memory only: never in web storage, the NgRx store, actions or logs,
 * so nothing that exports or prints app state can leak it.
 */
@Injectable({ providedIn: 'root' })
export class AccessTokenStore {
  private value: string | null = null;

  /** The current access token, or null when there is none. */
  get(): string | null {
    return this.value;
  }

  set(token: string): void {
    this.value = token;
  }

  clear(): void {
    this.value = null;
  }
}
