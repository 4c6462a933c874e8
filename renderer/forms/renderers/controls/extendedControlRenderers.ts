import {
  and,
  isBooleanControl,
  isDateControl,
  isDateTimeControl,
  isEnumControl,
  isOneOfEnumControl,
  isRangeControl,
  isTimeControl,
  type JsonFormsRendererRegistryEntry,
  optionIs,
  rankWith,
} from '@jsonforms/core';
import {
  withJsonFormsControlProps,
  withJsonFormsEnumProps,
  withJsonFormsOneOfEnumProps,
} from '@jsonforms/react';
import { DateTimeControl } from './DateTimeControl';
import { RadioGroupControl } from './RadioGroupControl';
import { SliderControl } from './SliderControl';
import { ToggleControl } from './ToggleControl';

const isRadio = optionIs('format', 'radio');

/**
 * Dates and times, radio groups, toggles and sliders. Ranked above the core set's text (2),
 * boolean (2) and enum (3) controls they specialise, as JSON Forms' own sets rank them.
 */
export const extendedControlRenderers: JsonFormsRendererRegistryEntry[] = [
  { tester: rankWith(4, isDateControl), renderer: withJsonFormsControlProps(DateTimeControl) },
  { tester: rankWith(4, isTimeControl), renderer: withJsonFormsControlProps(DateTimeControl) },
  { tester: rankWith(4, isDateTimeControl), renderer: withJsonFormsControlProps(DateTimeControl) },
  {
    tester: rankWith(20, and(isEnumControl, isRadio)),
    renderer: withJsonFormsEnumProps(RadioGroupControl),
  },
  {
    tester: rankWith(20, and(isOneOfEnumControl, isRadio)),
    renderer: withJsonFormsOneOfEnumProps(RadioGroupControl),
  },
  {
    tester: rankWith(4, and(isBooleanControl, optionIs('toggle', true))),
    renderer: withJsonFormsControlProps(ToggleControl),
  },
  { tester: rankWith(4, isRangeControl), renderer: withJsonFormsControlProps(SliderControl) },
];
