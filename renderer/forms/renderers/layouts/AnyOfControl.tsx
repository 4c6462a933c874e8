import type { CombinatorRendererProps } from '@jsonforms/core';
import { CombinatorControl } from './CombinatorControl';

/** `anyOf`: the user fills in one of the alternatives, chosen with CombinatorControl. */
export function AnyOfControl(props: CombinatorRendererProps) {
  return <CombinatorControl {...props} keyword="anyOf" />;
}
