import type { CombinatorRendererProps } from '@jsonforms/core';
import { CombinatorControl } from './CombinatorControl';

/** `oneOf`: exactly one alternative holds; the selector between them is CombinatorControl. */
export function OneOfControl(props: CombinatorRendererProps) {
  return <CombinatorControl {...props} keyword="oneOf" />;
}
