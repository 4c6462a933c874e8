import {
  and,
  categorizationHasCategory,
  isAllOfControl,
  isAnyOfControl,
  isOneOfControl,
  isOneOfEnumControl,
  type JsonFormsRendererRegistryEntry,
  not,
  optionIs,
  rankWith,
  schemaTypeIs,
  uiTypeIs,
} from '@jsonforms/core';
import {
  withArrayTranslationProps,
  withJsonFormsAllOfProps,
  withJsonFormsAnyOfProps,
  withJsonFormsArrayLayoutProps,
  withJsonFormsLayoutProps,
  withJsonFormsOneOfProps,
  withTranslateProps,
} from '@jsonforms/react';
import { AllOfControl } from './AllOfControl';
import { AnyOfControl } from './AnyOfControl';
import { CategorizationStepper } from './CategorizationStepper';
import { CategorizationTabs } from './CategorizationTabs';
import { ListWithDetail } from './ListWithDetail';
import { OneOfControl } from './OneOfControl';
import './layouts.css';

/**
 * Categorization (tabs, or a stepper with `options.variant: "stepper"`), ListWithDetail,
 * and the oneOf/anyOf/allOf selectors, ranked as JSON Forms' material set ranks them. The
 * oneOf tester leaves `oneOf` of `const`s to the core set's enum control.
 */
export const extendedLayoutRenderers: JsonFormsRendererRegistryEntry[] = [
  {
    tester: rankWith(1, uiTypeIs('Categorization')),
    renderer: withJsonFormsLayoutProps(CategorizationTabs),
  },
  {
    tester: rankWith(
      2,
      and(uiTypeIs('Categorization'), categorizationHasCategory, optionIs('variant', 'stepper')),
    ),
    renderer: withJsonFormsLayoutProps(CategorizationStepper),
  },
  {
    tester: rankWith(4, and(uiTypeIs('ListWithDetail'), schemaTypeIs('array'))),
    renderer: withJsonFormsArrayLayoutProps(
      withTranslateProps(withArrayTranslationProps(ListWithDetail)),
    ),
  },
  {
    tester: rankWith(3, and(isOneOfControl, not(isOneOfEnumControl))),
    renderer: withJsonFormsOneOfProps(OneOfControl),
  },
  {
    tester: rankWith(3, isAnyOfControl),
    renderer: withJsonFormsAnyOfProps(AnyOfControl),
  },
  { tester: rankWith(3, isAllOfControl), renderer: withJsonFormsAllOfProps(AllOfControl) },
];
