import { expectTypeOf, it } from 'vitest';
import type * as Embedded from '../../renderer/sdk/embedded';
import type * as EmbeddedDeclared from '../../renderer/sdk/embedded.d';
import type * as Page from '../../renderer/sdk/page';
import type * as PageDeclared from '../../renderer/sdk/page.d';

type DeclaredInstance = Awaited<ReturnType<typeof EmbeddedDeclared.Embedded.initialize>>;
type BuiltInstance = Awaited<ReturnType<typeof Embedded.Embedded.initialize>>;

// The SDKs' .d.ts files are written by hand for integrators; these assertions are checked by
// `tsc` (npm test's typecheck), so a declaration that drifts from its source fails the build.
it('declares the embedded SDK as it is built', () => {
  expectTypeOf<EmbeddedDeclared.EmbeddedConfig>().toEqualTypeOf<Embedded.EmbeddedConfig>();
  expectTypeOf<EmbeddedDeclared.Passkey>().toEqualTypeOf<Embedded.Passkey>();
  expectTypeOf<EmbeddedDeclared.BindPasskeyResponse>().toEqualTypeOf<Embedded.BindPasskeyResponse>();
  expectTypeOf<EmbeddedDeclared.BindErrorCode>().toEqualTypeOf<Embedded.BindErrorCode>();
  expectTypeOf<InstanceType<typeof EmbeddedDeclared.BindPasskeyError>['code']>().toEqualTypeOf<
    InstanceType<typeof Embedded.BindPasskeyError>['code']
  >();
  expectTypeOf<ReturnType<DeclaredInstance['bindPasskey']>>().toEqualTypeOf<
    ReturnType<BuiltInstance['bindPasskey']>
  >();
  expectTypeOf<ReturnType<DeclaredInstance['getPasskeys']>>().toEqualTypeOf<
    ReturnType<BuiltInstance['getPasskeys']>
  >();
  expectTypeOf<Parameters<typeof EmbeddedDeclared.Embedded.initialize>>().toEqualTypeOf<
    Parameters<typeof Embedded.Embedded.initialize>
  >();
});

it('declares the page SDK as it is built', () => {
  expectTypeOf<PageDeclared.SessionData>().toEqualTypeOf<Page.SessionData>();
  expectTypeOf<PageDeclared.PageVariables>().toEqualTypeOf<Page.PageVariables>();
  expectTypeOf<PageDeclared.FieldProblem>().toEqualTypeOf<Page.FieldProblem>();
  expectTypeOf<PageDeclared.PasskeyFailureReason>().toEqualTypeOf<Page.PasskeyFailureReason>();
  expectTypeOf<PageDeclared.RegistrationResponseJSON>().toEqualTypeOf<Page.RegistrationResponseJSON>();
  expectTypeOf<PageDeclared.HostError>().toEqualTypeOf<Page.HostError>();
  expectTypeOf<typeof PageDeclared.ready>().toEqualTypeOf<typeof Page.ready>();
  expectTypeOf<typeof PageDeclared.onVariables>().toEqualTypeOf<typeof Page.onVariables>();
  expectTypeOf<typeof PageDeclared.onError>().toEqualTypeOf<typeof Page.onError>();
  expectTypeOf<typeof PageDeclared.send>().toEqualTypeOf<typeof Page.send>();
  expectTypeOf<typeof PageDeclared.cancel>().toEqualTypeOf<typeof Page.cancel>();
  expectTypeOf<typeof PageDeclared.createPasskey>().toEqualTypeOf<typeof Page.createPasskey>();
  expectTypeOf<InstanceType<typeof PageDeclared.PasskeyError>['reason']>().toEqualTypeOf<
    InstanceType<typeof Page.PasskeyError>['reason']
  >();
});
