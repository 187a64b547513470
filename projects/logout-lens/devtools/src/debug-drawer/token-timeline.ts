import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { DrawerWords, LogoutLensIntl, TokenCountdown, intlWords } from '@logout-lens/angular';
import { ENGLISH_DRAWER_WORDS } from './drawer-words.en';

/** One token's lifetime as a bar: time used, time left, an optional marker, colour by level. */
@Component({
  selector: 'll-token-timeline',
  template: `
    <div class="row">
      <span class="label">{{ label() }}</span>
      <span class="left" [attr.data-testid]="testId()">{{ leftText() }}</span>
    </div>
    <div
      class="bar"
      [class]="countdown().level"
      role="meter"
      [attr.aria-label]="words().timeLeftLabel(label())"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="leftPercent()"
      [attr.aria-valuetext]="leftText()"
    >
      <div class="used" [style.width.%]="100 - leftPercent()"></div>
      @if (markerPercent() !== null) {
        <div class="marker" [style.left.%]="markerPercent()" [title]="words().nextRefreshMarker"></div>
      }
    </div>
  `,
  styles: `
    :host { display: block; margin-bottom: 12px; }
    .row { display: flex; justify-content: space-between; font: var(--mat-sys-body-medium); margin-bottom: 4px; }
    .left { font-variant-numeric: tabular-nums; }
    .bar { position: relative; height: 12px; border-radius: 6px; background: var(--mat-sys-primary); overflow: hidden; }
    .bar.warning { background: #c77700; }
    .bar.critical, .bar.expired { background: var(--mat-sys-error); }
    .bar.none { background: var(--mat-sys-outline-variant); }
    .used { height: 100%; background: var(--mat-sys-surface-container-highest); }
    .marker { position: absolute; top: -2px; bottom: -2px; width: 3px; background: var(--mat-sys-on-surface); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenTimeline {
  private readonly intl = inject(LogoutLensIntl);
  protected readonly words = intlWords(this.intl, (i) => i.drawer, ENGLISH_DRAWER_WORDS);
  readonly label = input.required<string>();
  readonly testId = input<string>('');
  readonly countdown = input.required<TokenCountdown>();
  /** Whole lifetime in seconds, for the used/left proportion. */
  readonly lifetimeSeconds = input.required<number>();
  /** Seconds from now to the marker (the next refresh), if any. */
  readonly markerInSeconds = input<number | null>(null);

  protected readonly leftPercent = computed(() => {
    const left = this.countdown().secondsLeft ?? 0;
    return clampPercent(left / Math.max(1, this.lifetimeSeconds()));
  });
  protected readonly markerPercent = computed(() => {
    const marker = this.markerInSeconds();
    const left = this.countdown().secondsLeft;
    if (marker === null || left === null) return null;
    return clampPercent(1 - (left - marker) / Math.max(1, this.lifetimeSeconds()));
  });
  protected readonly leftText = computed(() => formatLeft(this.countdown().secondsLeft, this.words()));
}

function clampPercent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
}

/** "1 h 2 min 5 s left", "expired 3 min ago" (in the drawer's `words`), "—". */
export function formatLeft(seconds: number | null, words: Pick<DrawerWords, 'timeLeft' | 'expiredAgo'>): string {
  if (seconds === null) return '—';
  const span = formatSpan(Math.abs(seconds));
  return seconds < 0 ? words.expiredAgo(span) : words.timeLeft(span);
}

/** A span of whole seconds in its three largest units: "1 h 2 min 5 s", "20 d 3 h 0 min", "5 s". */
export function formatSpan(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = d ? [`${d} d`, `${h} h`, `${m} min`] : h ? [`${h} h`, `${m} min`, `${s} s`] : m ? [`${m} min`, `${s} s`] : [`${s} s`];
  return parts.join(' ');
}
