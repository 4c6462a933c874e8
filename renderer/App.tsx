import { lazy, Suspense, useEffect, useRef } from 'react';
import type { FlowClient } from './flow/createFlowClient';
import { describeStatus } from './flow/describeStatus';
import type { Route } from './flow/parseRoute';
import type { KeyValueStore } from './flow/startLinkMemory';
import { useFlow } from './flow/useFlow';
import { ErrorBanner } from './screens/ErrorBanner';
import { ErrorScreen } from './screens/ErrorScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { StepErrorBoundary } from './screens/StepErrorBoundary';
import { StepScreen } from './screens/StepScreen';
import { UnknownStepScreen } from './screens/UnknownStepScreen';
import { WaitingScreen } from './screens/WaitingScreen';

// Beyond Identity's /bind page is its own chunk: the registration page never loads it.
const BindScreen = lazy(() =>
  import('./screens/BindScreen').then((module) => ({ default: module.BindScreen })),
);

export interface BrowserEnv {
  client: FlowClient;
  store: KeyValueStore | null;
  replaceUrl: (url: string) => void;
  search: string;
  baseUrl: string;
}

/** The end-user page: a card with the current screen and a status line. */
export function App({ route, env }: { route: Route; env: BrowserEnv }) {
  if (route.kind === 'unknown') {
    return (
      <main className="card">
        <NotFoundScreen />
      </main>
    );
  }
  if (route.kind === 'bind') {
    return (
      <main className="card">
        <Suspense fallback={<WaitingScreen />}>
          <BindScreen href={env.baseUrl} replaceUrl={env.replaceUrl} />
        </Suspense>
      </main>
    );
  }
  return <FlowPage route={route} env={env} />;
}

function FlowPage({
  route,
  env,
}: {
  route: Extract<Route, { kind: 'start' | 'flow' }>;
  env: BrowserEnv;
}) {
  const flow = useFlow({ route, ...env });
  const { state } = flow;
  const mainRef = useRef<HTMLElement>(null);

  // A new screen: focus the first invalid field, else an error notice, else the h1.
  useEffect(() => {
    if (state.version === 0) return;
    const main = mainRef.current;
    const target =
      main?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      main?.querySelector<HTMLElement>('[data-focus-first]') ??
      main?.querySelector<HTMLElement>('h1');
    target?.focus();
  }, [state.version]);

  const step = state.kind === 'ready' ? state.step : null;
  useEffect(() => {
    const heading = readableText(mainRef.current?.querySelector('h1'));
    document.title = heading ? `${heading} – Keyform` : 'Keyform';
    if (step?.locale) document.documentElement.lang = step.locale;
  });

  const errorProps = {
    startLink: flow.startLink,
    onRetry: flow.retry,
    onLoadCurrentStep: flow.loadCurrentStep,
  };
  return (
    <main className="card" ref={mainRef}>
      {state.kind === 'ready' && state.error && <ErrorBanner error={state.error} {...errorProps} />}
      {state.kind === 'starting' || state.kind === 'loading' ? (
        <WaitingScreen />
      ) : state.kind === 'failed' ? (
        <ErrorScreen error={state.error} {...errorProps} />
      ) : (
        <StepErrorBoundary
          resetKey={state.step.stepId}
          fallback={<UnknownStepScreen onReload={flow.loadCurrentStep} />}
        >
          <StepScreen step={state.step} busy={state.busy} flow={flow} baseUrl={env.baseUrl} />
        </StepErrorBoundary>
      )}
      {/* Always mounted, so screen readers announce changes to it. */}
      <p className="status" role="status" aria-live="polite">
        {describeStatus(state)}
      </p>
    </main>
  );
}

/** An element's text as a screen reader hears it: without aria-hidden decoration (✓). */
function readableText(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent?.trim() ?? '';
}
