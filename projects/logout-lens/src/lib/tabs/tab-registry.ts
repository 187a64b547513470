import { Injectable, signal } from '@angular/core';

/** The other tabs of this browser that have said hello and not yet goodbye. */
@Injectable({ providedIn: 'root' })
export class TabRegistry {
  private readonly ids = signal<ReadonlySet<string>>(new Set());
  /** Ids of the other open tabs. */
  readonly others = this.ids.asReadonly();

  /** Notes a tab; returns whether it was new. */
  add(id: string): boolean {
    if (this.ids().has(id)) return false;
    this.ids.update((ids) => new Set([...ids, id]));
    return true;
  }

  remove(id: string): void {
    this.ids.update((ids) => new Set([...ids].filter((other) => other !== id)));
  }
}
