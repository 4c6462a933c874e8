// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the process definition's expression syntax, not a mistaken template literal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from '../support/addVirtualAuthenticator';
import { checkAccessibility } from '../support/checkAccessibility';
import { launchChromium } from '../support/launchChromium';
import { startTestServer } from '../support/startTestServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

/** A branch on `start` (a `when` and its default) and a boundary event on the form node. */
const branchy = {
  name: 'branchy',
  start: 'start',
  nodes: {
    start: {
      type: 'start',
      next: [{ when: '${_parameters.fast}', to: 'done' }, { to: 'ask' }],
    },
    ask: {
      type: 'customDataForm',
      label: 'Ask again',
      inputs: { formName: 'passkey-retry', formDataKey: 'retry' },
      next: 'decide',
      on: { userCancelled: 'done' },
    },
    decide: { type: 'simpleDecider', next: 'done' },
    done: { type: 'end' },
  },
};

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const minted = await server.api('POST', '/api/tenants/default/tokens', {
    name: 'console processes',
    permissions: ['TNT#default#*'],
  });
  token = minted.body.token;
  const uploaded = await server.api(
    'POST',
    '/api/process-manager/processDefinitions/branchy/versions',
    {
      definition: branchy,
    },
  );
  expect(uploaded.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page) {
  await page.goto(`${server.publicUrl}/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\//);
}

/** Replace the editor's whole text by keyboard, as a person would. */
async function replaceEditorText(page: Page, name: string, text: string) {
  const editor = page.getByRole('textbox', { name, exact: true });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

describe('console: processes', () => {
  it('draws a process with a branch and a boundary event, shows an error at its node, publishes', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${server.publicUrl}/console/processes`);
    await page.getByRole('link', { name: 'branchy (latest version 1)' }).click();
    await page.getByRole('heading', { name: 'Process branchy' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole('link', { name: 'Version 1' }).click();

    const graph = page.getByRole('img', { name: /Graph of process branchy/ });
    await graph.waitFor();
    const drawn = await graph.locator('text').allTextContents();
    expect(drawn).toEqual(
      expect.arrayContaining(['${_parameters.fast}', 'otherwise', 'on userCancelled']),
    );
    expect(drawn).toEqual(expect.arrayContaining(['customDataForm', 'Ask again (ask)', 'decide']));
    // Boundary events are dashed; next and branch edges are not.
    expect(
      await graph
        .locator('[data-edge="ask:on:userCancelled"] path')
        .getAttribute('stroke-dasharray'),
    ).toBe('6 4');
    expect(
      await graph.locator('[data-edge="ask:next"] path').getAttribute('stroke-dasharray'),
    ).toBeNull();
    const list = page.getByRole('region', { name: 'Nodes and edges' });
    const start = list.getByRole('list', { name: 'Edges from start' });
    expect(await start.getByRole('listitem').allTextContents()).toEqual([
      'when ${_parameters.fast} → done',
      'otherwise → ask',
    ]);
    expect(
      await list
        .getByRole('list', { name: 'Edges from ask' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['next → decide', 'on userCancelled → done']);
    await list.getByRole('button', { name: 'Open form passkey-retry' }).waitFor();
    await page.getByText('Valid. Publishing stores it as a version after 1.').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // An invalid edit: `decide` leads to a node that does not exist.
    const broken = {
      ...branchy,
      nodes: { ...branchy.nodes, decide: { type: 'simpleDecider', next: 'nowhere' } },
    };
    await replaceEditorText(page, 'Definition of process branchy', JSON.stringify(broken, null, 2));
    const errors = list.getByRole('list', { name: 'Errors at node decide' });
    await errors.waitFor();
    expect(await errors.textContent()).toContain('/nodes/decide/next');
    expect(await errors.textContent()).toContain('nowhere');
    await graph.locator('[data-node="decide"][data-invalid="true"]').waitFor();
    expect(await graph.locator('[data-node="decide"] text').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('nowhere')]),
    );
    expect(await graph.locator('[data-node="ask"][data-invalid]').count()).toBe(0);
    await page.getByRole('alert').filter({ hasText: 'PROCESS_DEFINITION_INVALID' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // Fixed, with a new label: publishing makes version 2.
    const fixed = {
      ...branchy,
      nodes: { ...branchy.nodes, decide: { type: 'simpleDecider', label: 'Decide', next: 'done' } },
    };
    await replaceEditorText(page, 'Definition of process branchy', JSON.stringify(fixed, null, 2));
    await page.getByText('Valid. Publishing stores it as a version after 1.').waitFor();
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await page.getByRole('heading', { name: 'Process branchy, version 2' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/processes/branchy/2');
    await graph.getByText('Decide (decide)').waitFor();
    const stored = await server.api(
      'GET',
      '/api/process-manager/processDefinitions/branchy/versions/2',
    );
    expect(stored.body.definition.nodes.decide).toEqual(fixed.nodes.decide);

    // Pinning the form version a node shows is an edit in the console, published as a version.
    await page.getByLabel('Form version at ask').selectOption({ label: 'version 1' });
    await page.getByText('Valid. Publishing stores it as a version after 2.').waitFor();
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await page.getByRole('heading', { name: 'Process branchy, version 3' }).waitFor();
    const pinned = await server.api(
      'GET',
      '/api/process-manager/processDefinitions/branchy/versions/3',
    );
    expect(pinned.body.definition.nodes.ask.inputs).toEqual({
      ...branchy.nodes.ask.inputs,
      formVersion: 1,
    });
    await page.close();
  });
});

describe('console: instances', () => {
  it('inspects a finished journey: its captures are shown, its secrets are not', async () => {
    const journey = await browser.newPage();
    await addVirtualAuthenticator(journey);
    await journey.goto(server.startLink);
    await journey.getByLabel('User name').fill('ada');
    await journey.getByLabel('Display name').fill('Ada Lovelace');
    await journey.getByRole('button', { name: 'Submit for Registration' }).click();
    await journey.getByText('Your passkey was registered successfully.').waitFor();
    await journey.close();
    const row = server.storage.sqlite
      .prepare(
        "select id, capability_hash, internal from process_instances where state = 'COMPLETED'",
      )
      .get() as { id: string; capability_hash: string; internal: string };
    const internal = JSON.parse(row.internal);
    const registration = Object.values(internal.registrations)[0] as Record<string, unknown>;
    expect(row.capability_hash).toMatch(/.{20,}/);

    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${server.publicUrl}/console/instances`);
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    await page.getByLabel('State').selectOption('COMPLETED');
    await page.getByText('1 instance(s)').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole('link', { name: `Instance ${row.id}` }).click();
    await page.getByRole('heading', { name: `Instance ${row.id}` }).waitFor();

    const steps = page.getByRole('list', { name: 'Steps taken' });
    const taken = await steps.getByRole('listitem').allTextContents();
    expect(taken.map((s) => s.split(' ')[0])).toEqual(
      expect.arrayContaining(['start', 'startReg', 'regForm', 'complete', 'decide', 'end']),
    );
    const captures = page.getByRole('region', { name: 'Captures' });
    await captures.getByText('"ada"', { exact: false }).first().waitFor();
    expect(await captures.textContent()).toContain('[redacted]');
    const html = await page.content();
    expect(html).not.toContain(row.capability_hash);
    // The engine's internal part: the challenge it issued, its request, the browser's response.
    const challenges = [...JSON.stringify(registration).matchAll(/"challenge":"([^"]+)"/g)];
    expect(challenges.length).toBeGreaterThan(0);
    for (const [, challenge] of challenges) expect(html).not.toContain(challenge);
    expect(JSON.stringify(registration)).toContain('policyName');
    expect(html).not.toContain('policyName');
    expect(html).not.toContain('attestationObject');
    expect(await checkAccessibility(page)).toEqual([]);
    await page.close();
  });
});
