import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

import { BenchState, Mode, benchState, trackerProviders } from './trackers';

/**
 * Bench-only page for bench/activity.mjs: `?mode=none|ours|ng-idle` picks the activity tracker
 * (none is the baseline). Zoneless, like the product. Counts change-detection passes.
 */
@Component({
  selector: 'bench-root',
  template: `<main id="target"><h1>Activity tracking bench: {{ mode }}</h1><p>Input lands here ({{ pokes() }}).</p></main>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class BenchRoot {
  protected readonly mode = benchState().mode;
  /** Bumped by the bench to check that the change-detection counter counts. */
  protected readonly pokes = signal(0);

  constructor() {
    (window as unknown as { __benchPoke: () => void }).__benchPoke = () => this.pokes.update((n) => n + 1);
  }
}

const requested = new URLSearchParams(location.search).get('mode');
const mode: Mode = requested === 'ours' || requested === 'ng-idle' ? requested : 'none';
const state: BenchState = { mode, ready: false, ticks: 0, emitted: 0 };
(window as unknown as { __bench: BenchState }).__bench = state;

bootstrapApplication(BenchRoot, {
  providers: [provideBrowserGlobalErrorListeners(), provideZonelessChangeDetection(), ...trackerProviders(mode)],
})
  .then((ref) => {
    // Every change-detection pass goes through ApplicationRef._tick (tick() and the zoneless scheduler).
    const appRef = ref.injector.get(ApplicationRef) as unknown as { _tick: () => void; tick: () => void };
    const key = typeof appRef._tick === 'function' ? '_tick' : 'tick';
    const original = appRef[key].bind(appRef);
    appRef[key] = () => {
      state.ticks++;
      original();
    };
    state.ready = true;
  })
  .catch((err) => {
    console.error(err);
    (window as unknown as { __benchError: string }).__benchError = String(err);
  });
