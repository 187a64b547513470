import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { BehaviorSubject, EMPTY, catchError, combineLatest, distinctUntilChanged, from, map, switchMap, timer } from 'rxjs';

import {
  LOGOUT_LENS_CONFIG,
  LastLogoutReason,
  LogoutLensIntl,
  LogoutPresentation,
  LogoutRecord,
  SESSION_SCHEDULER,
  TIME_FORMAT,
  intlWords,
  loadLogoutLensKit,
} from '@logout-lens/angular';
import { ENGLISH_BANNER_WORDS } from './material-words.en';
import { rerenderOnChanges } from './rerender';

/**
 * Above the sign-in card after a sign-out: why, with an icon and colour by type, what to do next
 * when it may not have been the user, and the technical details on request. It leaves by itself
 * after 30 s (configurable) and takes `last_logout_reason` with it — never while it is hovered,
 * has focus or is expanded: the count starts again when none of these holds (WCAG 2.2.1).
 */
@Component({
  selector: 'll-logout-reason-banner',
  imports: [DatePipe, MatButtonModule, MatExpansionModule, MatIconModule],
  templateUrl: './logout-reason-banner.html',
  styleUrl: './logout-reason-banner.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogoutReasonBanner {
  private readonly reason = inject(LastLogoutReason);
  /** The stored record, followed: one written just after this page opened shows up then. */
  protected readonly record = this.reason.current;
  private readonly config = inject(LOGOUT_LENS_CONFIG);
  protected readonly intl = inject(LogoutLensIntl);
  protected readonly words = intlWords(this.intl, (i) => i.banner, ENGLISH_BANNER_WORDS);
  /** The reason's words and the diagnosis, fetched with the page (they are not in the initial bundle). */
  private readonly explain = toSignal(this.loadExplanation(inject(Injector)), { initialValue: null });
  protected readonly ready = () => this.explain() !== null;
  protected readonly presentation = (record: LogoutRecord): LogoutPresentation => this.explain()!.present(record);
  /** The most likely cause, from this record and what else this browser saw, in the app's words. */
  protected readonly diagnosis = (record: LogoutRecord): string => this.explain()!.diagnose(record);

  protected readonly timeFormat = TIME_FORMAT;
  private readonly hovered = new BehaviorSubject(false);
  private readonly focused = new BehaviorSubject(false);
  private readonly expanded = new BehaviorSubject(false);

  constructor() {
    rerenderOnChanges(this.intl);
    const scheduler = inject(SESSION_SCHEDULER);
    const held$ = combineLatest([this.hovered, this.focused, this.expanded]).pipe(
      map((holds) => holds.some(Boolean)),
      distinctUntilChanged(),
    );
    toObservable(this.record)
      .pipe(
        map((record) => record !== null),
        distinctUntilChanged(),
        switchMap((shown) => (shown ? held$ : EMPTY)),
        switchMap((held) => (held ? EMPTY : timer(this.config.bannerLifetimeMs, scheduler))),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.dismiss());
  }

  private loadExplanation(injector: Injector) {
    return from(loadLogoutLensKit()).pipe(
      map((kit) => {
        const presenter = injector.get(kit.LogoutPresenter);
        const evidence = injector.get(kit.EvidenceCollector);
        return {
          present: (record: LogoutRecord) => presenter.present(record.type),
          diagnose: (record: LogoutRecord) => kit.diagnose(evidence.collect(record), this.intl.diagnosis).sentence,
        };
      }),
      // Not fetched (the app was redeployed under the page): the sign-in page stays usable.
      catchError(() => EMPTY),
    );
  }

  protected hover(on: boolean): void {
    this.hovered.next(on);
  }

  /** Focus inside the banner holds it; focus moving between its own controls does not let go. */
  protected focusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const host = event.currentTarget as HTMLElement;
    if (!next || !host.contains(next)) this.focused.next(false);
  }

  protected focusIn(): void {
    this.focused.next(true);
  }

  protected expand(open: boolean): void {
    this.expanded.next(open);
  }

  protected dismiss(): void {
    this.reason.clear();
  }

  protected idle(seconds: number): string {
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }
}
