import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkAccessibility } from './checkAccessibility';
import { deployFormJourney } from './deployFormJourney';
import { launchChromium } from './launchChromium';
import { startTestServer } from './startTestServer';

type Form = Parameters<typeof deployFormJourney>[1];

/**
 * One real server and one Chromium for a form suite (started before its tests, closed after),
 * and `openForm`: deploys a form as an integrator would and opens its start link in a fresh
 * context, the page served with its own CSP unless a test asks otherwise.
 */
export function startFormJourneys() {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return async function openForm(
    form: Form,
    { timeoutMs, ...context }: BrowserContextOptions & { timeoutMs?: number } = {},
  ) {
    const journey = await deployFormJourney(server, form);
    const page = await (await browser.newContext(context)).newPage();
    // A missing element fails its own step, naming it, well before the test's timeout.
    if (timeoutMs !== undefined) page.setDefaultTimeout(timeoutMs);
    await page.goto(journey.startLink);
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    return { page, journey };
  };
}

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
