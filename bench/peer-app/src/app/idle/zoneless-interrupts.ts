import { InterruptSource } from '@ng-idle/core';

/**
 * @ng-idle/core 16 assumes zone.js: `InterruptSource.attach()` reads the global `Zone` to leave the
 * Angular zone, and throws a ReferenceError in a zoneless app. This app is zoneless like the
 * product, so attach directly (what the library does once it is outside the Angular zone).
 */
export function allowInterruptsWithoutZoneJs(): void {
  if (typeof (globalThis as { Zone?: unknown }).Zone !== 'undefined') return;
  type Attachable = { isAttached: boolean; attachFn?: (source: InterruptSource) => void };
  InterruptSource.prototype.attach = function (this: InterruptSource) {
    const source = this as unknown as Attachable;
    if (!source.isAttached && source.attachFn) source.attachFn(this);
    source.isAttached = true;
  };
}
