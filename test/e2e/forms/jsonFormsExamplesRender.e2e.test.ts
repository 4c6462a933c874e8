import {
  arrayI18n,
  categorization,
  type ExampleDescription,
  getExamples,
  i18n,
} from '@jsonforms/examples';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from '../support/checkAccessibility';
import { deployFormJourney } from '../support/deployFormJourney';
import { launchChromium } from '../support/launchChromium';
import { startTestServer } from '../support/startTestServer';

/**
 * Every example of `@jsonforms/examples` that Keyform accepts at upload (see
 * test/forms/jsonFormsExamples.test.ts) must also render fully in the end-user renderer: no
 * field falls to the "can't be shown" notice, the step does not fall to the error screen, and
 * axe finds nothing.
 */

/** The examples Keyform refuses at upload on purpose, as test/forms/jsonFormsExamples.test.ts lists them. */
const REFUSED = new Set([
  'generate',
  'dynamic',
  '1948_without',
  'enumInArray',
  'mixed',
  'string',
  'rule',
]);

/** The examples' translators read these tables; as `{locale: {dotted.key: text}}` they are Keyform's i18n. */
const TRANSLATIONS: Record<string, unknown> = {
  categorization: categorization.translations,
  i18n: i18n.translations,
  'array-i18n': arrayI18n.translations,
};

function flatten(table: unknown, prefix = ''): Record<string, string> {
  if (typeof table === 'string') return { [prefix]: table };
  return Object.entries(table as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, value]) => Object.assign(all, flatten(value, prefix ? `${prefix}.${key}` : key)),
    {},
  );
}

/** What an integrator's JSON upload of the example holds (functions and `undefined`s drop out). */
function uploadOf(example: ExampleDescription) {
  const upload: { schema: unknown; uischema?: unknown; i18n?: unknown } = JSON.parse(
    JSON.stringify({ schema: example.schema, uischema: example.uischema }),
  );
  const table = TRANSLATIONS[example.name];
  if (table !== undefined) upload.i18n = { [example.i18n?.locale ?? 'en']: flatten(table) };
  return upload;
}

const formName = (index: number, example: ExampleDescription) =>
  `jfr-${index}-${example.name.replace(/[^A-Za-z0-9_.-]/g, '-')}`.slice(0, 64);

const UNSHOWN_FIELD = "can't be shown by this version of Keyform";
const UNSHOWN_STEP = "This step can't be shown";

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

/** Waits for the form's submit button (or the step's error screen), saying what the page shows if neither comes. */
async function waitForForm(page: Page) {
  const ready = page.locator('form button[type="submit"]').or(page.getByText(UNSHOWN_STEP)).first();
  try {
    await ready.waitFor({ timeout: 10_000 });
  } catch (cause) {
    const shown = await page
      .locator('main')
      .textContent()
      .catch(() => '(no main)');
    throw new Error(`no form appeared; the page shows: ${shown}`, { cause });
  }
}

/** The labels of the fields drawn by the fallback notice. */
const unshownFields = (page: Page) =>
  page
    .getByText(UNSHOWN_FIELD)
    .evaluateAll((notes) =>
      notes.map((note) => note.previousElementSibling?.textContent ?? note.textContent ?? ''),
    );

/**
 * Examples JSON Forms' own renderer sets cannot draw fully either, with the fields that stay
 * on the fallback notice: `jsonschema` is JSON Schema's draft-07 meta-schema as a form, whose
 * fields are untyped (`default`, `enum`, `const`, `examples`: any JSON value) or the whole
 * meta-schema again (`{"$ref": "#"}`, titled "Core schema meta-schema"); JSON Forms shows
 * "No applicable renderer found" for them.
 */
const PARTLY_SHOWN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['jsonschema', new Set(['Core schema meta-schema', 'Default', 'Enum', 'Examples', 'Const'])],
]);

const examples = getExamples();
const accepted = examples
  .map((example, index) => [example.name, index, example] as const)
  .filter(([name]) => !REFUSED.has(name));

describe('@jsonforms/examples accepted at upload, in Chromium', () => {
  it('tries every example but the refused few', () => {
    expect(examples).toHaveLength(75);
    expect(examples.filter((example) => REFUSED.has(example.name))).toHaveLength(REFUSED.size);
    expect(accepted).toHaveLength(75 - REFUSED.size);
  });

  it.each(accepted)('%s renders fully and accessibly', async (name, index, example) => {
    const journey = await deployFormJourney(server, {
      name: formName(index, example),
      ...uploadOf(example),
    });
    const page = await browser.newPage();
    try {
      await page.goto(journey.startLink);
      await waitForForm(page);
      expect(await page.getByText(UNSHOWN_STEP).count()).toBe(0);
      const allowed = PARTLY_SHOWN.get(name);
      // A partly shown form's notices may be drawn a moment after its first field.
      if (allowed !== undefined) await page.getByText(UNSHOWN_FIELD).first().waitFor();
      const unshown = await unshownFields(page);
      if (allowed === undefined) {
        expect(unshown).toEqual([]);
        expect(await page.getByText(UNSHOWN_FIELD).count()).toBe(0);
      } else {
        expect(unshown.length).toBeGreaterThan(0);
        expect(unshown.filter((label) => !allowed.has(label))).toEqual([]);
      }
      expect(await checkAccessibility(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
