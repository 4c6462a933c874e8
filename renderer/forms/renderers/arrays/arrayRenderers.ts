import { isObjectControl, type JsonFormsRendererRegistryEntry, rankWith } from '@jsonforms/core';
import {
  withJsonFormsArrayControlProps,
  withJsonFormsDetailProps,
  withJsonFormsMultiEnumProps,
} from '@jsonforms/react';
import { ArrayControl } from './ArrayControl';
import { isArrayListControl } from './isArrayListControl';
import { isMultiEnumControl } from './isMultiEnumControl';
import { MultiEnumControl } from './MultiEnumControl';
import { ObjectControl } from './ObjectControl';

/**
 * Arrays of primitives and objects, multi-select enums, nested objects. Ranked as JSON Forms'
 * material set ranks them: an array of distinct choices (5) beats the list (4), which beats
 * the core set's "can't be shown" (1); an object (2) yields to combinator selectors (3).
 */
export const arrayRenderers: JsonFormsRendererRegistryEntry[] = [
  {
    tester: rankWith(4, isArrayListControl),
    renderer: withJsonFormsArrayControlProps(ArrayControl),
  },
  {
    tester: rankWith(5, isMultiEnumControl),
    renderer: withJsonFormsMultiEnumProps(MultiEnumControl),
  },
  { tester: rankWith(2, isObjectControl), renderer: withJsonFormsDetailProps(ObjectControl) },
];
