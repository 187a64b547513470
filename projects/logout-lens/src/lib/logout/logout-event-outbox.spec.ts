import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { LOGOUT_EVENTS_URL } from '../config/logout-lens.config';
import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { LogoutEventOutbox, toEvent } from './logout-event-outbox';
import { LOGOUT_EVENT_QUEUE_KEY, LOGOUT_EVENT_QUEUE_LIMIT } from './logout-event-queue';
import { record } from '../model/logout-record.fixture';

describe('LogoutEventOutbox', () => {
  let outbox: LogoutEventOutbox;
  let backend: HttpTestingController;
  const url = '/v1/auth/logout-event/';

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: LOCAL_STORAGE, useValue: localStorage }],
    });
    outbox = TestBed.inject(LogoutEventOutbox);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('posts the event and empties the queue', () => {
    let sent: boolean | undefined;
    outbox.submit(record()).subscribe((result) => (sent = result));

    const request = backend.expectOne(url);
    expect(request.request.body).toMatchObject({ type: 'TOKEN_EXPIRED', idle_seconds: 42, route: '/' });
    expect(request.request.body.details).toMatchObject({ code: 'refresh_expired', client_event_id: 'rec-1' });
    request.flush({ id: 1, verified: true }, { status: 201, statusText: 'Created' });

    expect(sent).toBe(true);
    expect(localStorage.getItem(LOGOUT_EVENT_QUEUE_KEY)).toBeNull();
  });

  it('keeps events while the backend is unreachable and sends them, in order, when it is back', () => {
    let sent: boolean | undefined;
    outbox.submit(record({ id: 'first' })).subscribe((result) => (sent = result));
    backend.expectOne(url).error(new ProgressEvent('error'));
    expect(sent).toBe(false);
    outbox.submit(record({ id: 'second' })).subscribe();
    backend.expectOne(url).flush({}, { status: 502, statusText: 'Bad Gateway' });
    expect(outbox.pending().map((r) => r.id)).toEqual(['first', 'second']);

    let remaining: number | undefined;
    outbox.flush().subscribe((n) => (remaining = n));
    const first = backend.expectOne(url);
    expect(first.request.body.details.client_event_id).toBe('first');
    first.flush({}, { status: 201, statusText: 'Created' });
    const second = backend.expectOne(url);
    expect(second.request.body.details.client_event_id).toBe('second');
    second.flush({}, { status: 201, statusText: 'Created' });

    expect(remaining).toBe(0);
    expect(outbox.pending()).toEqual([]);
  });

  it('drops an event the backend rejects as invalid, so it cannot block the queue', () => {
    outbox.submit(record()).subscribe();
    backend.expectOne(url).flush({ code: 'invalid' }, { status: 400, statusText: 'Bad Request' });

    expect(outbox.pending()).toEqual([]);
  });

  it(`keeps at most ${LOGOUT_EVENT_QUEUE_LIMIT} undelivered events`, () => {
    for (let i = 0; i < LOGOUT_EVENT_QUEUE_LIMIT + 3; i++) {
      outbox.submit(record({ id: `r${i}` })).subscribe();
      backend.expectOne(url).error(new ProgressEvent('error'));
    }

    expect(outbox.pending()).toHaveLength(LOGOUT_EVENT_QUEUE_LIMIT);
    expect(outbox.pending()[0].id).toBe('r3');
  });

  it('survives a corrupt queue', () => {
    localStorage.setItem(LOGOUT_EVENT_QUEUE_KEY, '{not json');
    expect(outbox.pending()).toEqual([]);
    outbox.submit(record()).subscribe();
    backend.expectOne(url).flush({}, { status: 201, statusText: 'Created' });
  });

  it('sends nothing secret: the event is the record, which holds no token', () => {
    const event = JSON.stringify(toEvent(record()));
    expect(event).not.toMatch(/eyJ|password|cookie|"access"|"refresh"/i);
  });

  it('queues and sends nothing when the backend keeps no audit trail (LOGOUT_EVENTS_URL null)', () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCAL_STORAGE, useValue: localStorage },
        { provide: LOGOUT_EVENTS_URL, useValue: null },
      ],
    });
    const withoutTrail = TestBed.inject(LogoutEventOutbox);
    backend = TestBed.inject(HttpTestingController);
    let sent: boolean | undefined;

    withoutTrail.submit(record()).subscribe((result) => (sent = result));

    expect(sent).toBe(false);
    expect(withoutTrail.pending()).toEqual([]);
    backend.expectNone(() => true);
  });
});
