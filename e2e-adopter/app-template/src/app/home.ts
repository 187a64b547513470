import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { LogoutLens } from '@logout-lens/angular';

interface DemoData {
  message: string;
  user: { name: string };
}

/** The app's own home page: one call to an authenticated API, and a sign-out for the app's own reason. */
@Component({
  selector: 'app-home',
  template: `
    <h1>Home</h1>
    <button type="button" (click)="load()">Load data</button>
    <button type="button" (click)="lens.endSession('LICENSE_EXPIRED', 'The licence expired.')">End session: licence expired</button>
    <p data-testid="result">{{ result() }}</p>
  `,
})
export class HomePage {
  private readonly http = inject(HttpClient);
  protected readonly lens = inject(LogoutLens);
  protected readonly result = signal('');

  protected load(): void {
    this.result.set('Loading…');
    this.http.get<DemoData>('/v1/demo/data/').subscribe({
      next: (data) => this.result.set(`${data.message} (for ${data.user.name})`),
      error: (error: { status: number }) => this.result.set(`Failed (${error.status})`),
    });
  }
}
