import { Injectable, OnDestroy, inject } from '@angular/core';
import { EMPTY, Observable, filter, fromEvent, map } from 'rxjs';

import { BROADCAST_CHANNEL_FACTORY, LOCAL_STORAGE, WINDOW } from '../platform/browser.tokens';
import { TAB_ID } from '../platform/tab-id';
import { TabMessage, parseTabMessage } from './tab-message';

/** Name of the channel, and of the storage key the fallback writes through. */
export const TAB_CHANNEL_NAME = 'logout-lens';
export const TAB_MESSAGE_KEY = 'logout_lens_tab_message';

/**
 * Messages between the tabs of this browser: BroadcastChannel where there is one, else storage
 * events. Only BroadcastChannel carries access tokens and carried credentials (`sharesTokens`); the fallback strips them,
 * since it passes through localStorage.
 */
@Injectable({ providedIn: 'root' })
export class TabChannel implements OnDestroy {
  private readonly tabId = inject(TAB_ID);
  private readonly storage = inject(LOCAL_STORAGE);
  private readonly win = inject(WINDOW);
  private readonly channel = inject(BROADCAST_CHANNEL_FACTORY)(TAB_CHANNEL_NAME);
  private sequence = 0;

  /** Whether messages may carry the access token (BroadcastChannel, in memory only). */
  readonly sharesTokens = this.channel !== null;

  /** Messages from the other tabs (never this tab's own). */
  readonly messages$: Observable<TabMessage> = this.incoming().pipe(
    map((data) => parseTabMessage(data)),
    filter((m): m is TabMessage => m !== null && m.from !== this.tabId),
  );

  post(message: TabMessage): void {
    if (this.channel) {
      this.channel.postMessage(message);
      return;
    }
    const safe = message.kind === 'session' ? { ...message, access: null, carried: null } : message;
    try {
      // A sequence number makes repeated identical messages still fire a storage event.
      this.storage?.setItem(TAB_MESSAGE_KEY, JSON.stringify({ ...safe, seq: ++this.sequence }));
      this.storage?.removeItem(TAB_MESSAGE_KEY);
    } catch {
      // Storage refused: other tabs will catch up on their next refresh.
    }
  }

  ngOnDestroy(): void {
    this.channel?.close();
  }

  private incoming(): Observable<unknown> {
    if (this.channel) return fromEvent<MessageEvent>(this.channel, 'message').pipe(map((e) => e.data));
    if (!this.win) return EMPTY;
    return fromEvent<StorageEvent>(this.win, 'storage').pipe(
      filter((e) => e.key === TAB_MESSAGE_KEY && typeof e.newValue === 'string' && e.newValue.length < 16_384),
      map((e) => {
        try {
          return JSON.parse(e.newValue!);
        } catch {
          return null;
        }
      }),
    );
  }
}
