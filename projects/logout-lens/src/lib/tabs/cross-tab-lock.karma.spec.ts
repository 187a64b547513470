import { TestBed } from '@angular/core/testing';
import { Observable, firstValueFrom, timer } from 'rxjs';

import { LOCK_MANAGER } from '../platform/browser.tokens';
import { TAB_ID } from '../platform/tab-id';
import { CrossTabLock, LEASE_KEY_PREFIX } from './cross-tab-lock';

describe('CrossTabLock (Chromium)', () => {
  afterEach(() => localStorage.clear());

  async function exclusive(makeLock: (id: string) => CrossTabLock) {
    const a = makeLock('tab-a');
    const b = makeLock('tab-b');
    const events: string[] = [];
    const task = (name: string) => (contended: boolean) =>
      new Observable<string>((subscriber) => {
        events.push(`${name} start${contended ? ', after waiting' : ''}`);
        const t = timer(30).subscribe(() => {
          events.push(`${name} end`);
          subscriber.next(name);
          subscriber.complete();
        });
        return () => t.unsubscribe();
      });
    const results = await Promise.all([
      firstValueFrom(a.run('test-lock', task('a'))),
      firstValueFrom(b.run('test-lock', task('b'))),
    ]);
    return { events, results };
  }

  it('runs one holder at a time with the real Web Locks API, and tells a waiter it waited', async () => {
    expect(navigator.locks).toBeDefined();
    const { events, results } = await exclusive((id) => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: [{ provide: TAB_ID, useValue: id }] });
      return TestBed.inject(CrossTabLock);
    });
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start, after waiting', 'b end']);
  });

  it('falls back to a storage lease when Web Locks are missing, tells a waiter, and releases it', async () => {
    const { events, results } = await exclusive((id) => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        providers: [
          { provide: TAB_ID, useValue: id },
          { provide: LOCK_MANAGER, useValue: null },
        ],
      });
      const lock = TestBed.inject(CrossTabLock);
      expect(lock.native).toBeFalse();
      return lock;
    });
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start, after waiting', 'b end']);
    expect(localStorage.getItem(`${LEASE_KEY_PREFIX}test-lock`)).toBeNull();
  });

  it('takes over a lease abandoned by a closed tab once it expires', async () => {
    localStorage.setItem(`${LEASE_KEY_PREFIX}test-lock`, JSON.stringify({ owner: 'gone', until: Date.now() - 1 }));
    TestBed.configureTestingModule({
      providers: [
        { provide: TAB_ID, useValue: 'tab-c' },
        { provide: LOCK_MANAGER, useValue: null },
      ],
    });
    const lock = TestBed.inject(CrossTabLock);
    const value = await firstValueFrom(lock.run('test-lock', () => timer(1)));
    expect(value).toBe(0);
  });
});
