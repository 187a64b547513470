import { Page } from '@playwright/test';

/**
 * The layout rules, checked in the page as it is: nothing overlaps, no text is clipped or sticks
 * out of the page, no short word is broken across lines ("TOKEN_REUSE_DET/ECTED"), no icon is
 * squashed below 20 px. Each problem names the elements involved by their text.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const TOLERANCE = 1;
    const LONGEST_UNBREAKABLE = 24; // longer tokens (ids, URLs) may wrap anywhere
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ''}`;
    };
    const visible = (el: Element): boolean => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false; // zero-size or visually hidden
      for (let a: Element | null = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (Number(s.opacity) === 0 || s.display === 'none') return false;
        if (a.classList.contains('visually-hidden') || a.classList.contains('cdk-visually-hidden')) return false;
      }
      return true;
    };
    const intersects = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;
    /** What floats over the page as it scrolls: a fixed button (🔍), a snack bar. */
    const isFixed = (el: Element) => {
      if (el.closest('.mat-mdc-snack-bar-container')) return true;
      for (let a: Element | null = el; a; a = a.parentElement) {
        if (getComputedStyle(a).position === 'fixed' && !a.closest('.cdk-overlay-container')) return true;
      }
      return false;
    };

    // With a modal surface open (dialog, menu), only it is looked at; the page beneath is inert.
    const modal = document.querySelector('.cdk-overlay-backdrop');
    const root: Element = modal ? document.querySelector('.cdk-overlay-container')! : document.body;

    // What a person reads or presses: each text node's line boxes, each control and each icon.
    interface Box {
      owner: Element;
      rect: DOMRect;
      what: string;
    }
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const words: { node: Text; start: number; word: string; owner: Element }[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const owner = node.parentElement;
      if (!owner || !node.textContent?.trim() || !visible(owner)) continue;
      if (owner.closest('mat-icon, script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 1 && rect.height > 1) boxes.push({ owner, rect, what: describe(owner) });
      }
      for (const match of node.textContent.matchAll(/[^\s\-/·→,]+/g)) {
        words.push({ node, start: match.index, word: match[0], owner });
      }
    }
    for (const el of root.querySelectorAll('button, a[href], input, mat-icon, .mdc-notched-outline, mat-chip')) {
      if (visible(el)) boxes.push({ owner: el, rect: el.getBoundingClientRect(), what: describe(el) });
    }
    // What lies under an open dialog or menu (a snack bar opened before it) is not seen at all.
    const SURFACE = '.mat-mdc-dialog-container, .mat-mdc-menu-panel';
    const underSurface = (box: Box) => {
      const x = (box.rect.left + box.rect.right) / 2;
      const y = (box.rect.top + box.rect.bottom) / 2;
      const top = document.elementFromPoint(x, y);
      const surface = top?.closest(SURFACE);
      return !!surface && !surface.contains(box.owner);
    };
    const seen = boxes.filter((box) => !underSurface(box));
    boxes.length = 0;
    boxes.push(...seen);

    // 1. The page never scrolls sideways, and nothing sticks out of it.
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + TOLERANCE) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width} px`);
    }
    for (const box of boxes) {
      if (box.rect.left < -TOLERANCE || box.rect.right > width + TOLERANCE) {
        problems.push(`off the page: ${box.what} spans ${Math.round(box.rect.left)}–${Math.round(box.rect.right)} px`);
      }
    }

    // 2. Nothing overlaps anything it does not contain. What floats (🔍, a snack bar) may pass
    //    over the page while it scrolls, never over a message the page shows in a live region;
    //    and with the page scrolled to its end, where the page leaves room for it, over nothing.
    // A form field's label sits over its input until it floats: one control.
    const field = (el: Element) => el.closest('.mat-mdc-text-field-wrapper');
    const related = (a: Element, b: Element) =>
      a === b || a.contains(b) || b.contains(a) || (field(a) !== null && field(a) === field(b));
    const pairs = (list: Box[], others: Box[], label: string) => {
      for (const a of list) {
        for (const b of others) {
          if (a === b || related(a.owner, b.owner)) continue;
          if (intersects(a.rect, b.rect)) problems.push(`overlap${label}: ${a.what} and ${b.what}`);
        }
      }
    };
    // 3. No text is cut off by a box that hides its overflow. (What a scrolling box has scrolled
    //    out of view is not looked at: it is not on screen, and can be scrolled to.)
    const outside = (rect: DOMRect, clip: DOMRect) =>
      rect.left < clip.left - TOLERANCE ||
      rect.right > clip.right + TOLERANCE ||
      rect.top < clip.top - TOLERANCE ||
      rect.bottom > clip.bottom + TOLERANCE;
    const onScreen = boxes.filter((box) => {
      for (let a = box.owner.parentElement ?? null; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        const scrolls = [style.overflowX, style.overflowY].some((o) => o === 'auto' || o === 'scroll');
        const hides = [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
        if (!scrolls && !hides) continue;
        if (!outside(box.rect, a.getBoundingClientRect())) continue;
        if (!scrolls) problems.push(`clipped: ${box.what} is cut off by ${describe(a)}`);
        return false;
      }
      return true;
    });
    boxes.length = 0;
    boxes.push(...onScreen);
    const fixed = boxes.filter((b) => isFixed(b.owner));
    const flowing = boxes.filter((b) => !isFixed(b.owner));
    for (let i = 0; i < flowing.length; i++) pairs([flowing[i]], flowing.slice(i + 1), '');
    const messages = flowing.filter((b) => b.owner.closest('[role="status"], [role="alert"], [aria-live="polite"]'));
    pairs(fixed, messages, ' with a message');
    for (let i = 0; i < fixed.length; i++) pairs([fixed[i]], fixed.slice(i + 1), '');

    for (const el of root.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + TOLERANCE && visible(el)) {
        problems.push(`truncated: ${describe(el)}`);
      }
    }

    // 4. A short word is never split across two lines.
    for (const { node, start, word, owner } of words) {
      if (word.length > LONGEST_UNBREAKABLE) continue;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
      if (tops.size > 1) problems.push(`word broken across lines: "${word}" in ${describe(owner)}`);
    }

    // 5. Icons keep their size.
    for (const icon of root.querySelectorAll('mat-icon')) {
      if (!visible(icon)) continue;
      const { width: w, height: h } = icon.getBoundingClientRect();
      if (w < 20 || h < 20) problems.push(`icon squashed to ${Math.round(w)}×${Math.round(h)} px: ${describe(icon)}`);
    }

    // 2b. The fixed buttons, with the page scrolled to its end.
    if (fixed.length) {
      const scroller = document.scrollingElement!;
      const before = scroller.scrollTop;
      scroller.scrollTop = scroller.scrollHeight;
      const moved = flowing.map((b) => ({ ...b, rect: b.owner.getBoundingClientRect() }));
      const textNow = moved.map((b) => {
        // Text boxes are re-measured from their own text nodes; controls from their element.
        if (b.owner.matches('button, a[href], input, mat-icon, .mdc-notched-outline, mat-chip')) return b;
        const range = document.createRange();
        range.selectNodeContents(b.owner);
        return { ...b, rect: range.getBoundingClientRect() };
      });
      const fixedNow = fixed.map((b) => ({ ...b, rect: b.owner.getBoundingClientRect() }));
      pairs(fixedNow, textNow, ' (page scrolled to its end)');
      scroller.scrollTop = before;
    }
    return [...new Set(problems)];
  });
}
