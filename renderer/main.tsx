import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createFlowClient } from './flow/createFlowClient';
import { parseRoute } from './flow/parseRoute';
import type { KeyValueStore } from './flow/startLinkMemory';
import './styles.css';

function sessionStore(): KeyValueStore | null {
  try {
    return window.sessionStorage;
  } catch {
    // Some privacy settings throw on mere access; the app works without it.
    return null;
  }
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App
      route={parseRoute(window.location.pathname)}
      env={{
        client: createFlowClient({ pageSearch: window.location.search }),
        store: sessionStore(),
        replaceUrl: (url) => window.history.replaceState(null, '', url),
        search: window.location.search,
        baseUrl: window.location.href,
      }}
    />
  </StrictMode>,
);
