import { Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthConfig, OAuthService } from 'angular-oauth2-oidc';

import { PeerIdle } from '../idle/peer-idle';
import { RememberMeStorage } from './remember-me-storage';

/** Password flow against the API's token endpoint; the refresh token renews the access token. */
export const authConfig: AuthConfig = {
  tokenEndpoint: '/v1/auth/token',
  clientId: 'peer-spa',
  scope: 'offline_access',
  oidc: false,
  requireHttps: false,
  // With code-style responses and no silent-refresh iframe, automatic refresh uses the refresh token.
  responseType: 'code',
  useSilentRefresh: false,
  timeoutFactor: 0.75,
  sessionChecksEnabled: false,
  showDebugInformation: false,
};

/** Sign-in, sign-out and background refresh, on top of OAuthService. */
@Injectable({ providedIn: 'root' })
export class PeerSession {
  private readonly oauth = inject(OAuthService);
  private readonly storage = inject(RememberMeStorage);
  private readonly idle = inject(PeerIdle);
  private readonly router = inject(Router);

  readonly signedIn = signal(false);
  readonly signOutReason = signal<string | null>(null);

  start(): void {
    this.oauth.configure(authConfig);
    this.oauth.setupAutomaticSilentRefresh();
    this.oauth.events.subscribe((event) => {
      if (event.type === 'token_refresh_error' || event.type === 'session_terminated') {
        this.signOut('Your session has ended. Please sign in again.');
      } else if (event.type === 'token_received' || event.type === 'token_refreshed') {
        this.sync();
      }
    });
    this.sync();
  }

  async signIn(email: string, password: string, rememberMe: boolean): Promise<void> {
    this.storage.setRemember(rememberMe);
    await this.oauth.fetchTokenUsingPasswordFlow(email, password);
    this.signOutReason.set(null);
    this.sync();
    await this.router.navigateByUrl('/');
  }

  signOut(reason: string | null = null): void {
    this.oauth.logOut(true);
    this.signOutReason.set(reason);
    this.sync();
    void this.router.navigateByUrl('/signin');
  }

  /** The user's email from the token response, when the server sends one. */
  email(): string | null {
    const claims = this.oauth.getIdentityClaims() as Record<string, unknown> | null;
    return typeof claims?.['email'] === 'string' ? claims['email'] : null;
  }

  private sync(): void {
    const signedIn = this.oauth.hasValidAccessToken() || !!this.oauth.getRefreshToken();
    this.signedIn.set(signedIn);
    if (signedIn) {
      this.idle.start(() => this.signOut('Signed out after a period of inactivity.'));
    } else {
      this.idle.stop();
    }
  }
}
