import { DOCUMENT, Directive, ElementRef, Injector, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/**
 * Put on the `<router-outlet>`: after every navigation to another page (not the first load, and
 * not a change of query or fragment alone) focus moves to the new page's main heading, its `h1`,
 * which gets `tabindex="-1"` (focusable from script, not in the tab order). So focus never falls
 * to the page body when the element that had it leaves with the old page, and a screen reader
 * starts reading at the new page's name. Focus held by a modal dialog stays there.
 */
@Directive({ selector: '[appRouteHeadingFocus]' })
export class RouteHeadingFocus {
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  constructor() {
    const router = inject(Router);
    let shownPath: string | null = null;
    router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(({ urlAfterRedirects }) => {
        const path = urlAfterRedirects.split(/[?#]/)[0];
        const previous = shownPath;
        shownPath = path;
        if (previous === null || previous === path) return;
        // The new page's view is created by now; its heading is in the DOM once it has rendered.
        afterNextRender({ write: () => this.focusHeading() }, { injector: this.injector });
      });
  }

  private focusHeading(): void {
    if (this.document.activeElement?.closest('[aria-modal="true"]')) return;
    const heading = (this.host.parentElement ?? this.document).querySelector<HTMLElement>('h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
