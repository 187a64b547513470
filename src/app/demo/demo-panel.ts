import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { catchError, forkJoin, map, of } from 'rxjs';

import { LogoutLensIntl, describeHttpError } from '@logout-lens/angular';
import { DemoApi } from './demo-api';
import { DEMO_ENDPOINTS, DemoEndpoint } from './demo-endpoints';
import { DEMO_WORDS } from './demo-words';

interface Outcome {
  /** Sequence number of the call, so a repeated answer still reads as new. */
  call: number;
  ok: boolean;
  text: string;
}

/** How many calls "Load data ×20" fires at once, as a busy page does after its token expired. */
export const BURST_SIZE = 20;

/** "Try the API": one button per demo endpoint and the outcome of the last call. */
@Component({
  selector: 'app-demo-panel',
  imports: [MatButtonModule, MatCardModule, MatIconModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>{{ words.tryApi }}</h2>
        <p class="hint">{{ words.tryApiHint }}</p>
        <p class="outcome" role="status" aria-live="polite" [class.error]="outcome()?.ok === false">
          @if (outcome(); as o) {
            <mat-icon aria-hidden="true">{{ o.ok ? 'check_circle' : 'info' }}</mat-icon>
            <span data-testid="demo-outcome" [attr.data-call]="o.call">{{ o.text }}</span>
          } @else {
            <span>{{ words.noCallYet }}</span>
          }
        </p>
        <div class="buttons">
          @for (endpoint of endpoints; track endpoint.key) {
            <button
              mat-stroked-button
              type="button"
              (click)="call(endpoint)"
              disabledInteractive
              [disabled]="busy()"
            >
              {{ words.endpoints[endpoint.key] }} <span class="expected">{{ endpoint.expected }}</span>
            </button>
          }
          <button mat-stroked-button type="button" (click)="burst()" disabledInteractive [disabled]="busy()">
            {{ words.burst(burstSize) }}
          </button>
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h2 { margin: 0; font: var(--mat-sys-title-large); }
    .hint { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; padding-top: 16px; }
    .expected { margin-left: 4px; color: var(--mat-sys-on-surface-variant); font-size: 0.85em; }
    /* Above the buttons: where the eye is after a press, and never under a snack bar. */
    .outcome { display: flex; align-items: flex-start; gap: 8px; min-height: 24px; margin: 16px 0 0; font: var(--mat-sys-body-large); }
    .outcome mat-icon { flex: none; }
    .outcome.error mat-icon { color: var(--mat-sys-error); }
    .outcome mat-icon { color: var(--mat-sys-primary); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoPanel {
  private readonly api = inject(DemoApi);
  private readonly intl = inject(LogoutLensIntl);
  protected readonly words = inject(DEMO_WORDS);
  protected readonly endpoints = DEMO_ENDPOINTS;
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly busy = signal(false);
  protected readonly burstSize = BURST_SIZE;
  private calls = 0;

  /**
   * While a call is under way the buttons are aria-disabled, not removed from the tab order
   * (Material's `disabledInteractive`): the button just pressed keeps focus, and a press on a
   * busy button does nothing.
   */
  protected call(endpoint: DemoEndpoint): void {
    if (this.busy()) return;
    this.busy.set(true);
    const label = this.words.endpoints[endpoint.key];
    this.api.call(endpoint).subscribe({
      next: () => this.show(true, this.words.answeredOk(label)),
      error: (error: unknown) => this.show(false, `${label}: ${describeHttpError(error, this.intl)}`),
    });
  }

  /** Fires many calls at once; after expiry they share one refresh. */
  protected burst(): void {
    if (this.busy()) return;
    this.busy.set(true);
    const load = DEMO_ENDPOINTS[0];
    const calls = Array.from({ length: BURST_SIZE }, () =>
      this.api.call(load).pipe(
        map(() => true),
        catchError(() => of(false)),
      ),
    );
    forkJoin(calls).subscribe((results) => {
      const ok = results.filter(Boolean).length;
      this.show(ok === BURST_SIZE, this.words.burstResult(this.words.burst(BURST_SIZE), ok, BURST_SIZE));
    });
  }

  private show(ok: boolean, text: string): void {
    this.outcome.set({ call: ++this.calls, ok, text });
    this.busy.set(false);
  }
}
