import { validateFormData } from '../../forms/validateFormData';
import { validateFormDefinition } from '../../forms/validateFormDefinition';
import { chooseLocale } from './chooseLocale';
import { keepFirstErrorPerField } from './keepFirstErrorPerField';
import type { FieldError } from './StepView';
import { translateFieldError } from './translateFieldError';

/**
 * The console's "try it": the field errors a form step would answer `data` with, for a form
 * definition that is not stored yet. The definition is judged as an upload would be
 * (validateFormDefinition), the data as a step's submit (validateFormData, first error per
 * field) and the errors translated as the step's view does, in `locale` or the best one.
 * Throws the upload's FormError for a bad definition and FORM_DATA_TOO_* for oversized data.
 */
export function checkDraftFormData({
  definition,
  data,
  locale: wanted,
}: {
  definition: unknown;
  data: unknown;
  locale?: string | undefined;
}): { locale: string; errors: FieldError[] } {
  const checked = validateFormDefinition({ definition });
  if (!checked.ok) throw checked.error;
  const bundles = checked.value.i18n ?? {};
  const locale = chooseLocale({ available: Object.keys(bundles), lang: wanted });
  const result = validateFormData({ definition: checked.value, data: data ?? {} });
  if (result.ok) return { locale, errors: [] };
  if ('refused' in result) throw result.refused;
  const texts = bundles[locale] ?? {};
  const errors = keepFirstErrorPerField(result.errors).map((e) => ({
    path: e.path,
    message: translateFieldError({ ...e, texts }),
  }));
  return { locale, errors };
}
