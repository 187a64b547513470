import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { configure, expect, test } from './fixtures';
import { layoutProblems } from './layout';
import { SCREENS, settle } from './screens';

/**
 * Every screen a person can meet, brought to its state once and then:
 * - scanned by axe in light and dark, at 1280 × 800 and 360 × 740: no serious or critical
 *   violation of WCAG 2.2 A/AA or axe's best practices. Light is scanned with every rule; dark
 *   with the rules the colours decide (contrast), since the page is otherwise the same;
 * - measured at 360 px (see layout.ts): no overlap, clipped text, broken word or squashed icon.
 * With SCREENSHOTS=<dir> each variant is also saved as a picture, to be looked at.
 */
const VARIANTS = [
  { width: 1280, height: 800, scheme: 'light', rules: 'all' },
  { width: 1280, height: 800, scheme: 'dark', rules: 'colours' },
  { width: 360, height: 740, scheme: 'light', rules: 'all' },
  { width: 360, height: 740, scheme: 'dark', rules: 'colours' },
] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const screenshots = process.env['SCREENSHOTS'];


for (const screen of SCREENS) {
  test(`every screen: ${screen.name}`, async ({ page, backend }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // What would leave by itself — a snack bar, the dialog's countdown, the banner — stays as long
    // as the screen is looked at, however long the scans take. (The page's clock cannot simply
    // be paused: axe runs on timers.)
    await configure(page, { noticeDurationMs: 3_600_000, logoutAlertDelayMs: 3_600_000, bannerLifetimeMs: 3_600_000 });
    await page.clock.install();
    await screen.open(page, backend);
    const found: string[] = [];
    for (const v of VARIANTS) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.emulateMedia({ colorScheme: v.scheme, reducedMotion: 'reduce' });
      await settle(page);
      if (screenshots) {
        mkdirSync(screenshots, { recursive: true });
        const file = `${screen.name.replace(/[^a-z0-9]+/gi, '-')}-${v.width}-${v.scheme}.png`.toLowerCase();
        await page.screenshot({ path: join(screenshots, file), fullPage: true });
      }
      const axe = new AxeBuilder({ page });
      const results = await (v.rules === 'all' ? axe.withTags(TAGS) : axe.withRules(COLOUR_RULES)).analyze();
      for (const violation of results.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        const where = violation.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
        found.push(`axe, ${v.width} px ${v.scheme}: ${violation.id} (${violation.impact}) ${violation.help}\n    ${where.join('\n    ')}`);
      }
      if (v.width === 360 && v.scheme === 'light') {
        found.push(...(await layoutProblems(page)).map((p) => `layout at 360 px: ${p}`));
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
