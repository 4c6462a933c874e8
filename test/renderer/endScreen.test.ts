import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EndScreen } from '../../renderer/screens/EndScreen';
import type { EndStepView } from '../../runtime/engine/StepView';

const step = (outcome: EndStepView['outcome']): EndStepView => ({
  stepId: 's',
  instanceId: 'i',
  locale: 'en',
  component: 'end',
  outcome,
  message: 'What happened.',
  decision: outcome === 'success' ? 'PASS' : 'FAIL',
  redirectUrl: null,
});
const render = (outcome: EndStepView['outcome']) =>
  renderToStaticMarkup(
    createElement(EndScreen, {
      step: step(outcome),
      startLink: '/start/pt_1',
      baseUrl: 'http://localhost:3000',
    }),
  );

describe('EndScreen', () => {
  it('offers to start again after an ordinary failure', () => {
    expect(render('failure')).toContain('Start again');
  });

  it('offers no start-again loop when the link is misconfigured', () => {
    const html = render('misconfigured');
    expect(html).toContain('What happened.');
    expect(html).not.toContain('Start again');
    expect(html).not.toContain('/start/pt_1');
    expect(html).toContain('will not help until the link is fixed');
  });
});
