import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';

import { LogoutLensIntl, intlWords } from '@logout-lens/angular';
import { SessionRow } from './session-row';
import { ENGLISH_SESSIONS_WORDS } from './sessions-words.en';

/**
 * The signed-in devices, one row each. A table on wide screens; below 760 px each row becomes a
 * card with its own labels, keeping the table's roles for screen readers.
 */
@Component({
  selector: 'll-sessions-table',
  imports: [DatePipe, MatButtonModule, MatChipsModule, MatIconModule, MatTableModule],
  templateUrl: './sessions-table.html',
  styleUrl: './sessions-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsTable {
  readonly rows = input.required<SessionRow[]>();
  /**
   * Whether a sign-out is in flight. The buttons then read as disabled (aria-disabled) but stay
   * focusable, so the one just pressed keeps focus; a press does nothing.
   */
  readonly busy = input(false);
  /** The user asked to sign out this row's session. */
  readonly revoke = output<SessionRow>();

  private readonly intl = inject(LogoutLensIntl);
  /** The table's words: the app's (`LogoutLensIntl.sessions`) where it set them, English for the rest. */
  protected readonly words = intlWords(this.intl, (i) => i.sessions, ENGLISH_SESSIONS_WORDS);

  protected readonly columns = ['device', 'signedIn', 'lastActive', 'ip', 'rememberMe', 'deviceId', 'actions'];
  protected readonly trackById = (_: number, row: SessionRow) => row.id;

  protected signOut(row: SessionRow): void {
    if (!this.busy()) this.revoke.emit(row);
  }
}
