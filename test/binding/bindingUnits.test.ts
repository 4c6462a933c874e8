import { describe, expect, it } from 'vitest';
import { buildInvokeUrl } from '../../identity/binding/buildInvokeUrl';
import { toIdentityStatus, toUserStatus } from '../../identity/binding/identityStatus';
import { loadBindingEmail } from '../../identity/binding/mail/loadBindingEmail';
import { paginate } from '../../identity/binding/paginate';
import { parseJobFilter } from '../../identity/binding/parseJobFilter';
import { toUserInput } from '../../identity/binding/toUserInput';
import type { UserRecord } from '../../storage/UserRecord';

describe('parseJobFilter', () => {
  it('reads eq conditions joined by and (binding tighter) and or', () => {
    expect(parseJobFilter('state eq "COMPLETE"')).toEqual([
      [{ attribute: 'state', value: 'COMPLETE' }],
    ]);
    expect(
      parseJobFilter(
        'state eq "LINK_SENT" or state eq "LINK_OPENED" and delivery_method eq "EMAIL"',
      ),
    ).toEqual([
      [{ attribute: 'state', value: 'LINK_SENT' }],
      [
        { attribute: 'state', value: 'LINK_OPENED' },
        { attribute: 'delivery_method', value: 'EMAIL' },
      ],
    ]);
    expect(parseJobFilter('STATE EQ "complete"')).toEqual([
      [{ attribute: 'state', value: 'COMPLETE' }],
    ]);
  });

  it('refuses other attributes, operators and values with a querystring field error', () => {
    for (const bad of [
      'identity_id eq "x"',
      'state ne "COMPLETE"',
      'state eq COMPLETE',
      'state eq "NEW"',
      '',
    ]) {
      expect(() => parseJobFilter(bad)).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
  });
});

describe('paginate', () => {
  it('defaults to 20 from 0 and issues a token only when more remain', () => {
    const first = paginate({});
    expect(first).toMatchObject({ offset: 0, limit: 20 });
    expect(first.next(20, 20)).toBeUndefined();
    const token = first.next(20, 45)!;
    expect(paginate({ pageToken: token })).toMatchObject({ offset: 20, limit: 20 });
    expect(paginate({ pageToken: token, pageSize: 5, skip: 2 })).toMatchObject({
      offset: 22,
      limit: 5,
    });
  });

  it('refuses a token it did not issue', () => {
    for (const bad of [
      'x',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('[-1,2]').toString('base64url'),
    ]) {
      expect(() => paginate({ pageToken: bad })).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
  });
});

describe('identity ↔ user mapping', () => {
  it('maps status both ways', () => {
    expect(toIdentityStatus('ACTIVE')).toBe('active');
    for (const s of ['PENDING_ACTIVE', 'LOCKED', 'TEMP_LOCKED', 'DISABLED'] as const) {
      expect(toIdentityStatus(s)).toBe('suspended');
    }
    expect(toUserStatus('active', 'LOCKED')).toBe('ACTIVE');
    expect(toUserStatus('suspended', 'ACTIVE')).toBe('DISABLED');
    expect(toUserStatus('suspended', 'TEMP_LOCKED')).toBe('TEMP_LOCKED');
    expect(toUserStatus('suspended')).toBe('DISABLED');
  });

  it('maps traits onto user fields and merges attribute-backed ones into the existing attributes', () => {
    const current = {
      status: 'ACTIVE',
      attributes: { displayName: 'Old', team: 'x' },
    } as unknown as UserRecord;
    expect(
      toUserInput(
        {
          display_name: 'New',
          traits: {
            username: 'u',
            primary_email_address: null,
            given_name: 'G',
            secondary_email_address: 's@x.io',
          },
        },
        current,
      ),
    ).toEqual({
      userKey: 'u',
      externalId: undefined,
      email: null,
      firstName: 'G',
      lastName: undefined,
      status: undefined,
      attributes: { displayName: 'New', team: 'x', secondaryEmailAddress: 's@x.io' },
    });
    expect(toUserInput({ traits: { formatted_name: null } }, current).attributes).toEqual({
      displayName: 'Old',
      team: 'x',
    });
    expect(toUserInput({ status: 'suspended' }, current)).not.toHaveProperty('attributes');
  });
});

describe('buildInvokeUrl', () => {
  it('appends /bind to the invoke URL and carries the parameters in the fragment', () => {
    const url = new URL(
      buildInvokeUrl(
        { invokeUrl: 'https://app.example.com/a/?keep=1' },
        {
          apiBaseUrl: 'https://id.example.com',
          tenantId: 't',
          storeName: 'r',
          userId: 'i',
          jobId: 'j',
          token: 'tok',
        },
      ),
    );
    expect(url.pathname).toBe('/a/bind');
    expect(url.search).toBe('?keep=1');
    expect(Object.fromEntries(new URLSearchParams(url.hash.slice(1)))).toEqual({
      api_base_url: 'https://id.example.com',
      tenant_id: 't',
      realm_id: 'r',
      identity_id: 'i',
      job_id: 'j',
      token: 'tok',
    });
  });
});

describe('loadBindingEmail', () => {
  it('fills placeholders, escaping them in HTML only, and keeps the subject on one line', async () => {
    const render = await loadBindingEmail({});
    const mail = render({
      display_name: 'A & <B>',
      username: 'ab',
      link: 'https://k.example/v1/x:invokeAuthenticator?token=t',
      expire_time: '2026-01-01T00:15:00.000Z',
    });
    expect(mail.subject).toBe('Create your passkey');
    expect(mail.text).toContain('Hello A & <B>,');
    expect(mail.text).toContain('https://k.example/v1/x:invokeAuthenticator?token=t');
    expect(mail.html).toContain('Hello A &amp; &lt;B&gt;,');
    expect(mail.html).toContain('href="https://k.example/v1/x:invokeAuthenticator?token=t"');
  });
});
