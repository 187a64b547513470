import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';

import { RouteHeadingFocus } from './route-heading-focus';

@Component({ template: '<h1>Home</h1><button type="button">Go</button>' })
class HomeStub {}

@Component({ template: '<h1>Active sessions</h1>' })
class SessionsStub {}

@Component({
  imports: [RouterOutlet, RouteHeadingFocus],
  template: '<router-outlet appRouteHeadingFocus />',
})
class ShellStub {}

describe('RouteHeadingFocus', () => {
  let router: Router;
  let host: HTMLElement;
  let fixture: ReturnType<typeof TestBed.createComponent<ShellStub>>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: HomeStub },
          { path: 'account/sessions', component: SessionsStub },
        ]),
      ],
    });
    fixture = TestBed.createComponent(ShellStub);
    host = fixture.nativeElement;
    document.body.appendChild(host);
    router = TestBed.inject(Router);
    await navigate('/');
  });

  afterEach(() => host.remove());

  async function navigate(url: string): Promise<void> {
    await router.navigateByUrl(url);
    await fixture.whenStable();
  }

  const heading = () => host.querySelector('h1');

  it('leaves focus alone on the first load', () => {
    expect(document.activeElement).toBe(document.body);
    expect(heading()?.hasAttribute('tabindex')).toBe(false);
  });

  it('focuses the new page\'s h1 after a navigation, out of the tab order', async () => {
    await navigate('/account/sessions');

    expect(document.activeElement).toBe(heading());
    expect(heading()?.textContent).toBe('Active sessions');
    expect(heading()?.getAttribute('tabindex')).toBe('-1');
  });

  it('keeps focus where it is when only the query changes', async () => {
    const button = host.querySelector('button')!;
    button.focus();

    await navigate('/?tab=2');

    expect(document.activeElement).toBe(button);
  });

  it('keeps focus in an open modal dialog', async () => {
    const dialog = document.createElement('div');
    dialog.setAttribute('aria-modal', 'true');
    dialog.innerHTML = '<button type="button">Close</button>';
    document.body.appendChild(dialog);
    dialog.querySelector('button')!.focus();

    await navigate('/account/sessions');

    expect(document.activeElement?.textContent).toBe('Close');
    dialog.remove();
  });
});
