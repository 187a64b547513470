import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';

import { describeHttpError } from '../notifications/http-error-message';
import { DemoApi } from './demo-api';
import { DEMO_ENDPOINTS, DemoEndpoint } from './demo-endpoints';

interface Outcome {
  ok: boolean;
  text: string;
}

/** "Try the API": one button per demo endpoint and the outcome of the last call. */
@Component({
  selector: 'app-demo-panel',
  imports: [MatButtonModule, MatCardModule, MatIconModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title><h2>Try the API</h2></mat-card-title>
        <mat-card-subtitle>Each call shows how the app answers; none of them signs you out.</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <div class="buttons">
          @for (endpoint of endpoints; track endpoint.label) {
            <button mat-stroked-button type="button" (click)="call(endpoint)" [disabled]="busy()">
              {{ endpoint.label }} <span class="expected">{{ endpoint.expected }}</span>
            </button>
          }
        </div>
        <p class="outcome" role="status" aria-live="polite" [class.error]="outcome()?.ok === false">
          @if (outcome(); as o) {
            <mat-icon aria-hidden="true">{{ o.ok ? 'check_circle' : 'info' }}</mat-icon>
            <span data-testid="demo-outcome">{{ o.text }}</span>
          } @else {
            <span>No call made yet.</span>
          }
        </p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h2 { margin: 0; font: var(--mat-sys-title-medium); }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; padding-top: 16px; }
    .expected { margin-left: 4px; opacity: 0.7; font-size: 0.85em; }
    .outcome { display: flex; align-items: center; gap: 8px; min-height: 24px; margin: 16px 0 0; }
    .outcome.error mat-icon { color: var(--mat-sys-error); }
    .outcome mat-icon { color: var(--mat-sys-primary); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoPanel {
  private readonly api = inject(DemoApi);
  protected readonly endpoints = DEMO_ENDPOINTS;
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly busy = signal(false);

  protected call(endpoint: DemoEndpoint): void {
    this.busy.set(true);
    this.api.call(endpoint).subscribe({
      next: () => {
        this.outcome.set({ ok: true, text: `${endpoint.label}: the server answered 200 OK.` });
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.outcome.set({ ok: false, text: `${endpoint.label}: ${describeHttpError(error)}` });
        this.busy.set(false);
      },
    });
  }
}
