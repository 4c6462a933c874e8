import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkAccessibility } from './checkAccessibility';

/** What the form tests do on a form step: submit, wait, read focus and descriptions, axe. */
export const submit = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

export const finished = (page: Page, endMessage: string) => page.getByText(endMessage).waitFor();

export const expectAccessible = async (page: Page) =>
  expect(await checkAccessibility(page)).toEqual([]);

export const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/** The texts the element's aria-describedby points at: its help and error. */
export const descriptionOf = (locator: Locator) =>
  locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );

/**
 * Lets the next step submission through with `tamper` applied to its data, as a client that
 * skips the browser's checks would send it, so the server's own verdict comes back.
 */
export async function tamperNextSubmit(
  page: Page,
  tamper: (data: Record<string, unknown>) => void,
) {
  await page.route(
    '**/api/flow/*/steps/*',
    async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      tamper(body.data);
      await route.continue({ postData: JSON.stringify(body) });
    },
    { times: 1 },
  );
}

/** The step submissions (not dry runs) the page sends from now on. */
export function recordSubmissions(page: Page) {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/steps\/[^/]+$/.test(new URL(request.url()).pathname))
      sent.push(request.url());
  });
  return sent;
}
