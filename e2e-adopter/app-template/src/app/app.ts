import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: `<main><router-outlet /></main>`,
  styles: `main { max-width: 640px; margin: 24px auto; padding: 0 16px; font-family: sans-serif; }`,
})
export class App {}
