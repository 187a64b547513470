import { TestBed } from '@angular/core/testing';
import { firstValueFrom, take, toArray } from 'rxjs';

import { BROADCAST_CHANNEL_FACTORY } from '../platform/browser.tokens';
import { TAB_ID } from '../platform/tab-id';
import { TAB_MESSAGE_KEY, TabChannel } from './tab-channel';
import { TabMessage } from './tab-message';

const session = {
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  sessionId: 'sess-1',
  rememberMe: true,
  accessExpiresAt: 2_000_000,
  refreshExpiresAt: 9_000_000,
  issuedAt: 1_000_000,
};

describe('TabChannel (Chromium)', () => {
  afterEach(() => localStorage.clear());

  function channelFor(id: string, broadcast = true): TabChannel {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        { provide: TAB_ID, useValue: id },
        ...(broadcast ? [] : [{ provide: BROADCAST_CHANNEL_FACTORY, useValue: () => null }]),
      ],
    });
    return TestBed.inject(TabChannel);
  }

  it('delivers messages to other tabs over BroadcastChannel, token included, and never echoes', async () => {
    const receiver = channelFor('tab-b');
    expect(receiver.sharesTokens).toBeTrue();
    const received = firstValueFrom(receiver.messages$.pipe(take(2), toArray()));
    // A real second BroadcastChannel stands in for the other tab.
    const sender = new BroadcastChannel('logout-lens');
    sender.postMessage({ kind: 'session', from: 'tab-a', session, access: 'token-a', carried: 'refresh-a', at: 5 });
    sender.postMessage({ kind: 'session', from: 'tab-b', session, access: 'mine', carried: null, at: 6 });
    sender.postMessage({ kind: 'nonsense', from: 'tab-a' });
    sender.postMessage({ kind: 'signed-out', from: 'tab-a', logoutType: 'USER_INITIATED', message: 'You signed out.', code: null });

    const messages = await received;
    sender.close();
    expect(messages.map((m) => m.kind)).toEqual(['session', 'signed-out']);
    expect((messages[0] as Extract<TabMessage, { kind: 'session' }>).access).toBe('token-a');
    expect((messages[0] as Extract<TabMessage, { kind: 'session' }>).carried).toBe('refresh-a');
  });

  it('falls back to storage events without BroadcastChannel, and never writes a token or carried credential to storage', async () => {
    const sender = channelFor('tab-a', false);
    expect(sender.sharesTokens).toBeFalse();
    const writes: string[] = [];
    const setItem = spyOn(Storage.prototype, 'setItem').and.callFake(function (this: Storage, key: string, value: string) {
      writes.push(value);
    });

    sender.post({ kind: 'session', from: 'tab-a', session, access: 'secret-token', carried: 'secret-refresh', at: 5 });

    setItem.and.callThrough();
    expect(writes.length).toBe(1);
    expect(writes[0]).not.toContain('secret-token');
    expect(writes[0]).not.toContain('secret-refresh');
    expect(localStorage.getItem(TAB_MESSAGE_KEY)).toBeNull();
  });

  it('reads messages from storage events written by another tab', async () => {
    const receiver = channelFor('tab-b', false);
    const received = firstValueFrom(receiver.messages$);
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: TAB_MESSAGE_KEY,
        newValue: JSON.stringify({ kind: 'activity', from: 'tab-a', at: 42, seq: 1 }),
      }),
    );
    expect(await received).toEqual({ kind: 'activity', from: 'tab-a', at: 42 });
  });
});
