import { VirtualTimeScheduler } from 'rxjs';

/** Moves `scheduler`'s virtual time forward by `ms`, firing only the timers due by then. */
export function advanceBy(scheduler: VirtualTimeScheduler, ms: number): void {
  const target = scheduler.frame + ms;
  scheduler.maxFrames = target;
  scheduler.flush();
  scheduler.frame = target;
}
