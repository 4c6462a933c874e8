import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export type AxeViolation = { id: string; help: string; nodes: { target: unknown[] }[] };

/**
 * axe-core's WCAG 2 A and AA rules, run inside the real Chromium on the page as it is now.
 * Returns the violations in a form a failed `expect(...).toEqual([])` prints readably.
 */
export async function checkAccessibility(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's CSP (script-src 'self') does not
  // govern; an inline <script> tag would be blocked, as the CSP intends.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script tag just added
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
    });
    return result.violations as AxeViolation[];
  });
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
}
