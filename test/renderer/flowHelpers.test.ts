import { describe, expect, it } from 'vitest';
import { buildApiUrl } from '../../renderer/flow/buildApiUrl';
import { describeFlowError } from '../../renderer/flow/describeFlowError';
import type { FlowError } from '../../renderer/flow/FlowError';
import { parseRoute } from '../../renderer/flow/parseRoute';
import { safeExternalUrl } from '../../renderer/flow/safeExternalUrl';
import { recallStartLink, rememberStartLink } from '../../renderer/flow/startLinkMemory';

describe('parseRoute', () => {
  it.each([
    ['/start/abc', { kind: 'start', processTokenId: 'abc' }],
    ['/start/abc/', { kind: 'start', processTokenId: 'abc' }],
    ['/flow/i%2D1', { kind: 'flow', instanceId: 'i-1' }],
    ['/flow/', { kind: 'unknown' }],
    ['/flow/a/b', { kind: 'unknown' }],
    ['/', { kind: 'unknown' }],
    ['/start/%E0%A4%A', { kind: 'unknown' }],
  ])('%s', (pathname, route) => {
    expect(parseRoute(pathname)).toEqual(route);
  });
});

describe('buildApiUrl', () => {
  it('forwards a well-formed ?lang and nothing else', () => {
    expect(buildApiUrl({ path: '/api/x', pageSearch: '?lang=de' })).toBe('/api/x?lang=de');
    expect(buildApiUrl({ path: '/api/x', pageSearch: '?a=1&lang=en-GB' })).toBe(
      '/api/x?lang=en-GB',
    );
    expect(buildApiUrl({ path: '/api/x', pageSearch: '?a=1' })).toBe('/api/x');
    expect(buildApiUrl({ path: '/api/x', pageSearch: '?lang=de%26admin%3D1' })).toBe('/api/x');
    expect(buildApiUrl({ path: '/api/x' })).toBe('/api/x');
  });
});

describe('safeExternalUrl', () => {
  const base = 'http://localhost:3000/flow/i1';
  it('allows http(s) and relative addresses, resolved', () => {
    expect(safeExternalUrl({ href: 'https://example.com/done', base })).toBe(
      'https://example.com/done',
    );
    expect(safeExternalUrl({ href: '/pages/p/1/index.html', base })).toBe(
      'http://localhost:3000/pages/p/1/index.html',
    );
  });
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '', null])(
    'refuses %j',
    (href) => {
      expect(safeExternalUrl({ href, base })).toBeNull();
    },
  );
});

describe('start link memory', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      map,
      store: {
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => void map.set(k, v),
      },
    };
  };

  it('remembers and recalls the start link per instance', () => {
    const { store } = memory();
    rememberStartLink({ store, instanceId: 'i1', startLink: '/start/tok?lang=de' });
    expect(recallStartLink({ store, instanceId: 'i1' })).toBe('/start/tok?lang=de');
    expect(recallStartLink({ store, instanceId: 'i2' })).toBeNull();
  });

  it('recalls only our own start route (the value becomes an href)', () => {
    const { store, map } = memory();
    map.set('keyform:startLink:i1', 'javascript:alert(1)');
    map.set('keyform:startLink:i2', '//evil.example/start/x');
    expect(recallStartLink({ store, instanceId: 'i1' })).toBeNull();
    expect(recallStartLink({ store, instanceId: 'i2' })).toBeNull();
  });

  it('works without storage, and with storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() =>
      rememberStartLink({ store: throwing, instanceId: 'i', startLink: '/start/t' }),
    ).not.toThrow();
    expect(recallStartLink({ store: throwing, instanceId: 'i' })).toBeNull();
    expect(recallStartLink({ store: null, instanceId: 'i' })).toBeNull();
  });
});

describe('describeFlowError', () => {
  const error = (kind: FlowError['kind'], extra: Partial<FlowError> = {}): FlowError => ({
    kind,
    status: 0,
    code: 'X',
    message: 'internal words',
    fields: [],
    step: null,
    retryAfterSeconds: null,
    ...extra,
  });

  it('explains a stale tab and offers to load the current step', () => {
    expect(describeFlowError({ error: error('stale') })).toEqual({
      title: 'This page is out of date',
      message: 'This page is out of date — another tab or window moved on.',
      action: { kind: 'loadCurrentStep', label: 'Load the current step' },
    });
  });

  it('offers Start again for an expired link only when the start link is known', () => {
    expect(describeFlowError({ error: error('expired') }).action).toBeNull();
    expect(describeFlowError({ error: error('expired'), startLink: '/start/t' }).action).toEqual({
      kind: 'startAgain',
      label: 'Start again',
      href: '/start/t',
    });
  });

  it('offers a retry for transient failures, with the wait from Retry-After', () => {
    for (const kind of ['network', 'server', 'rateLimited', 'unexpected'] as const) {
      expect(describeFlowError({ error: error(kind) }).action?.kind).toBe('retry');
    }
    expect(
      describeFlowError({ error: error('rateLimited', { retryAfterSeconds: 20 }) }).message,
    ).toBe('Please wait 20 seconds, then try again.');
  });

  it('never shows the server message (developer words) to the end user', () => {
    for (const kind of [
      'stale',
      'conflict',
      'expired',
      'notFound',
      'capability',
      'server',
    ] as const) {
      const { title, message } = describeFlowError({ error: error(kind) });
      expect(`${title} ${message}`).not.toContain('internal words');
    }
  });
});
