import {
  isBooleanControl,
  isControl,
  isEnumControl,
  isIntegerControl,
  isNumberControl,
  isOneOfEnumControl,
  isStringControl,
  type JsonFormsRendererRegistryEntry,
  rankWith,
  uiTypeIs,
} from '@jsonforms/core';
import {
  withJsonFormsControlProps,
  withJsonFormsEnumProps,
  withJsonFormsLabelProps,
  withJsonFormsLayoutProps,
  withJsonFormsOneOfEnumProps,
} from '@jsonforms/react';
import { BooleanControl } from './BooleanControl';
import { EnumControl } from './EnumControl';
import { GroupLayout, HorizontalLayout, TextLabel, VerticalLayout } from './layouts';
import { NumberControl } from './NumberControl';
import { TextControl } from './TextControl';
import { UnsupportedControl } from './UnsupportedControl';

/**
 * Our renderer set, ranked like JSON Forms' own: enums beat plain strings, and any other
 * control falls to an explicit "can't be shown" notice.
 */
export const formRenderers: JsonFormsRendererRegistryEntry[] = [
  { tester: rankWith(1, isControl), renderer: withJsonFormsControlProps(UnsupportedControl) },
  { tester: rankWith(2, isStringControl), renderer: withJsonFormsControlProps(TextControl) },
  { tester: rankWith(2, isNumberControl), renderer: withJsonFormsControlProps(NumberControl) },
  { tester: rankWith(2, isIntegerControl), renderer: withJsonFormsControlProps(NumberControl) },
  { tester: rankWith(2, isBooleanControl), renderer: withJsonFormsControlProps(BooleanControl) },
  { tester: rankWith(3, isEnumControl), renderer: withJsonFormsEnumProps(EnumControl) },
  { tester: rankWith(3, isOneOfEnumControl), renderer: withJsonFormsOneOfEnumProps(EnumControl) },
  {
    tester: rankWith(1, uiTypeIs('VerticalLayout')),
    renderer: withJsonFormsLayoutProps(VerticalLayout),
  },
  {
    tester: rankWith(1, uiTypeIs('HorizontalLayout')),
    renderer: withJsonFormsLayoutProps(HorizontalLayout),
  },
  { tester: rankWith(1, uiTypeIs('Group')), renderer: withJsonFormsLayoutProps(GroupLayout) },
  { tester: rankWith(1, uiTypeIs('Label')), renderer: withJsonFormsLabelProps(TextLabel) },
];
