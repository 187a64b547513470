import { Injectable } from '@angular/core';
import { OAuthStorage } from 'angular-oauth2-oidc';

const REMEMBER_FLAG = 'peer.rememberMe';

/** Where angular-oauth2-oidc keeps tokens: localStorage with "Remember me", else sessionStorage. */
@Injectable({ providedIn: 'root' })
export class RememberMeStorage implements OAuthStorage {
  setRemember(remember: boolean): void {
    if (remember) localStorage.setItem(REMEMBER_FLAG, '1');
    else localStorage.removeItem(REMEMBER_FLAG);
  }

  getItem(key: string): string | null {
    return this.target().getItem(key);
  }

  setItem(key: string, data: string): void {
    this.target().setItem(key, data);
  }

  removeItem(key: string): void {
    localStorage.removeItem(key);
    sessionStorage.removeItem(key);
  }

  private target(): Storage {
    return localStorage.getItem(REMEMBER_FLAG) === '1' ? localStorage : sessionStorage;
  }
}
