import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from './fixtures';
import { SCREENS, settle } from './screens';

/**
 * Every screen, light and dark, at 1280 and 360 px: axe finds no serious or critical violation
 * (WCAG 2.2 A and AA rules and axe's best practices). With SCREENSHOTS=<dir> each variant is also
 * saved as a picture, to be looked at.
 */
const VARIANTS = [
  { width: 1280, height: 800, scheme: 'light' },
  { width: 1280, height: 800, scheme: 'dark' },
  { width: 360, height: 740, scheme: 'light' },
  { width: 360, height: 740, scheme: 'dark' },
] as const;
const screenshots = process.env['SCREENSHOTS'];

for (const screen of SCREENS) {
  test(`axe: ${screen.name}`, async ({ page, backend }) => {
    await screen.open(page, backend);
    const found: string[] = [];
    for (const v of VARIANTS) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.emulateMedia({ colorScheme: v.scheme, reducedMotion: 'reduce' });
      await settle(page);
      if (screenshots) {
        mkdirSync(screenshots, { recursive: true });
        const file = `${screen.name.replace(/[^a-z0-9]+/gi, '-')}-${v.width}-${v.scheme}.png`.toLowerCase();
        await page.screenshot({ path: join(screenshots, file) });
      }
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      for (const violation of results.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        const where = violation.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
        found.push(`${v.width} px ${v.scheme}: ${violation.id} (${violation.impact}) ${violation.help}\n    ${where.join('\n    ')}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
