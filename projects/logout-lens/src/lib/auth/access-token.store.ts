import { Injectable } from '@angular/core';

/**
 * Holds the access token in memory only: never in web storage, the NgRx store, actions or logs,
 * so nothing that exports or prints app state can leak it. It holds, the same way, the credential
 * a backend needs for its next refresh when no HttpOnly cookie keeps one (stock simplejwt's
 * refresh token): the session's `carried` credential.
 */
@Injectable({ providedIn: 'root' })
export class AccessTokenStore {
  private value: string | null = null;
  private carriedValue: string | null = null;
  private retiredValue: string | null = null;

  /** The current access token, or null when there is none. */
  get(): string | null {
    return this.value;
  }

  set(token: string): void {
    this.value = token;
  }

  /** The credential for the next refresh that no cookie keeps, or null (a cookie keeps it, or none). */
  carried(): string | null {
    return this.carriedValue;
  }

  setCarried(credential: string | null): void {
    this.carriedValue = credential;
    if (credential !== null) this.retiredValue = null;
  }

  /**
   * The carried credential of the session last forgotten, once: a sign-out hands it to the
   * backend (stock simplejwt's blacklist view) after the session has been forgotten here.
   */
  takeRetired(): string | null {
    const retired = this.retiredValue;
    this.retiredValue = null;
    return retired;
  }

  /** Forgets the access token and the carried credential (set aside for a sign-out to hand on). */
  clear(): void {
    this.value = null;
    if (this.carriedValue !== null) this.retiredValue = this.carriedValue;
    this.carriedValue = null;
  }
}
