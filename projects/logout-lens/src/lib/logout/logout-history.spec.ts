import { TestBed } from '@angular/core/testing';
import { VirtualTimeScheduler } from 'rxjs';

import { SESSION_SCHEDULER } from '../platform/scheduler.token';

import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { LOGOUT_HISTORY_KEY, LOGOUT_HISTORY_LIMIT, LogoutHistory } from './logout-history';
import { record } from '../model/logout-record.fixture';

describe('LogoutHistory', () => {
  function setUp(initial?: string, storage: Storage = localStorage) {
    localStorage.clear();
    if (initial !== undefined) localStorage.setItem(LOGOUT_HISTORY_KEY, initial);
    TestBed.configureTestingModule({ providers: [{ provide: LOCAL_STORAGE, useValue: storage }] });
    return TestBed.inject(LogoutHistory);
  }

  it.each([
    ['invalid JSON', '[{"type":'],
    ['an object', '{"type":"TOKEN_EXPIRED"}'],
    ['a foreign array', '[1,"two",null,{"hello":"world"}]'],
    ['records of malformed types', JSON.stringify([{ type: '<img src=x>', occurred_at: '2026-01-01T00:00:00Z' }])],
    ['a huge string', `"${'x'.repeat(600_000)}"`],
  ])('replaces %s and keeps recording', (_name, raw) => {
    const history = setUp(raw);

    expect(history.read()).toEqual([]);
    history.append(record());

    expect(history.read()).toEqual([record()]);
  });

  it('keeps valid records and drops broken ones among them', () => {
    const history = setUp(JSON.stringify([record({ id: 'a' }), { type: 'UNKNOWN' }, record({ id: 'b' })]));

    expect(history.read().map((r) => r.id)).toEqual(['a', 'b']);
  });

  it(`keeps only the last ${LOGOUT_HISTORY_LIMIT}`, () => {
    const history = setUp();
    for (let i = 0; i < LOGOUT_HISTORY_LIMIT + 5; i++) history.append(record({ id: `r${i}` }));

    const ids = history.read().map((r) => r.id);
    expect(ids).toHaveLength(LOGOUT_HISTORY_LIMIT);
    expect(ids[0]).toBe('r5');
    expect(ids.at(-1)).toBe(`r${LOGOUT_HISTORY_LIMIT + 4}`);
  });

  it('drops the oldest records when the storage quota is full', () => {
    const saved: string[] = [];
    const quota = 3000;
    const tight = {
      getItem: (key: string) => (key === LOGOUT_HISTORY_KEY ? (saved.at(-1) ?? null) : null),
      setItem: (_key: string, value: string) => {
        if (value.length > quota) throw new DOMException('full', 'QuotaExceededError');
        saved.push(value);
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const history = setUp(undefined, tight);

    for (let i = 0; i < 10; i++) history.append(record({ id: `r${i}` }));

    const ids = history.read().map((r) => r.id);
    expect(ids.at(-1)).toBe('r9');
    expect(ids.length).toBeLessThan(10);
    expect(saved.at(-1)!.length).toBeLessThanOrEqual(quota);
  });

  it('never throws when storage is unavailable', () => {
    const history = setUp(undefined, null as unknown as Storage);

    expect(() => history.append(record())).not.toThrow();
    expect(history.read()).toEqual([]);
  });
});

describe('LogoutHistory.appendShared', () => {
  it('re-adds its record when a concurrent write from another tab dropped it', () => {
    localStorage.clear();
    const scheduler = new VirtualTimeScheduler();
    TestBed.configureTestingModule({
      providers: [
        { provide: LOCAL_STORAGE, useValue: localStorage },
        { provide: SESSION_SCHEDULER, useValue: scheduler },
      ],
    });
    const history = TestBed.inject(LogoutHistory);
    let done = false;

    history.appendShared(record({ id: 'mine' })).subscribe({ complete: () => (done = true) });
    // Another tab, working from a stale view, overwrites the list without this record.
    localStorage.setItem(LOGOUT_HISTORY_KEY, JSON.stringify([record({ id: 'theirs' })]));
    scheduler.flush();

    expect(done).toBe(true);
    expect(history.read().map((r) => r.id)).toEqual(['theirs', 'mine']);
  });
});
