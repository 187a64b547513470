/** The input events that count as the user being there (window focus and visibility are added apart). */
export const ACTIVITY_EVENTS = [
  'mousemove',
  'mousedown',
  'keydown',
  'click',
  'scroll',
  'wheel',
  'touchstart',
  'pointerdown',
] as const;
