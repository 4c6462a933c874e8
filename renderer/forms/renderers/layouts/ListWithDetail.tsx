import {
  type ArrayLayoutProps,
  type ArrayTranslations,
  composePaths,
  computeChildLabel,
  createDefaultValue,
  defaultErrorTranslator,
  errorAt,
  findUISchema,
  getCombinedErrorMessage,
  Resolve,
} from '@jsonforms/core';
import { JsonFormsDispatch, type TranslateProps, useJsonForms } from '@jsonforms/react';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useFormUi } from '../../FormUiContext';
import { pickVisibleError } from '../../pickVisibleError';
import { resolveControlTexts } from '../../resolveControlTexts';
import { hasErrorUnder } from './hasErrorUnder';
import { labelListItem } from './labelListItem';
import { listVisibleErrorPaths } from './listVisibleErrorPaths';
import { MarkedLabel } from './MarkedLabel';
import { nameWithErrors } from './nameWithErrors';
import { pickChildLabelProp } from './pickChildLabelProp';
import { useErrorAwareSelection } from './useErrorAwareSelection';

type Props = ArrayLayoutProps & TranslateProps & { translations: ArrayTranslations };

/**
 * `ListWithDetail`: the array's items as a list (named by `options.elementLabelProp`,
 * `childLabelProp` or `labelRef`, else core's first primitive property) with add and
 * delete, and the selected item's detail (`options.detail`, else generated) beside it, as
 * JSON Forms' material MaterialListWithDetailRenderer maps it.
 */
export function ListWithDetail(props: Props) {
  const { path, schema, rootSchema, uischema, uischemas, translations, t } = props;
  const ctx = useJsonForms();
  const ui = useFormUi();
  const id = useId();
  const count = props.data;
  const detail = useMemo(
    () =>
      findUISchema(uischemas ?? [], schema, uischema.scope, path, undefined, uischema, rootSchema),
    [uischemas, schema, uischema, path, rootSchema],
  );
  const errorPaths = listVisibleErrorPaths({
    clientErrors: ctx.core?.errors,
    serverErrors: ui.serverErrors,
    touched: ui.touched,
    edited: ui.edited,
    submitted: ui.submitted,
  });
  const itemPath = (index: number) => composePaths(path, String(index));
  const itemHasErrors = (index: number) => hasErrorUnder({ paths: [itemPath(index)], errorPaths });
  const [selected, select] = useErrorAwareSelection<number | undefined>({
    initial: count > 0 ? 0 : undefined,
    firstWithErrors: () => {
      for (let index = 0; index < count; index++) if (itemHasErrors(index)) return index;
      return undefined;
    },
  });
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  if (!props.visible) return null;
  const options = (uischema.options ?? {}) as Record<string, unknown>;
  const texts = resolveControlTexts({
    texts: ui.texts,
    uischema: uischema as unknown as Record<string, unknown>,
    schema: props.arraySchema as Record<string, unknown>,
    path,
  });
  const ownErrors = ctx.core ? errorAt(path, props.arraySchema)(ctx.core) : [];
  const error = pickVisibleError({
    clientError: getCombinedErrorMessage(
      ownErrors,
      ctx.i18n?.translateError ?? defaultErrorTranslator,
      t,
      props.arraySchema,
      uischema,
      path,
    ),
    serverError: ui.serverErrors.get(path),
    touched: ui.touched.has(path),
    submitted: ui.submitted,
    edited: ui.edited.has(path),
  });
  const maxItems = props.arraySchema.maxItems;
  const minItems = props.arraySchema.minItems;
  const canAdd =
    props.enabled &&
    !props.disableAdd &&
    options.disableAdd !== true &&
    !(count >= (maxItems ?? Infinity));
  const canRemove =
    props.enabled &&
    !props.disableRemove &&
    options.disableRemove !== true &&
    !(count <= (minItems ?? 0));
  const childLabelProp = pickChildLabelProp(options);
  const itemName = (index: number) => {
    const childPath = itemPath(index);
    const childLabel = computeChildLabel(
      ctx.core?.data,
      childPath,
      childLabelProp as string,
      schema,
      rootSchema,
      t,
      detail,
    );
    // Core names object items; a primitive item (a list of strings) is named by its value.
    const own = Resolve.data(ctx.core?.data, childPath);
    return labelListItem({
      texts: ui.texts,
      index,
      childLabel: childLabel || (typeof own === 'object' ? undefined : own),
    });
  };
  const itemId = (index: number) => `${id}-item-${index}`;
  const addId = `${id}-add`;
  const errorId = `${id}-error`;

  const add = () => {
    props.addItem(path, createDefaultValue(schema, rootSchema))();
    ui.markTouched(path);
    select(count);
    focusNext.current = itemId(count);
  };
  const remove = (index: number) => {
    props.removeItems?.(path, [index])();
    ui.markTouched(path);
    const rest = count - 1;
    if (selected !== undefined && selected >= rest) select(rest > 0 ? rest - 1 : undefined);
    else if (selected !== undefined && selected > index) select(selected - 1);
    focusNext.current = rest > 0 ? itemId(Math.min(index, rest - 1)) : addId;
  };

  return (
    <fieldset
      className={error ? 'group list-detail list-detail--invalid' : 'group list-detail'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className={texts.labelHidden ? 'visually-hidden' : undefined}>
        {texts.label}
        {props.required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {texts.description && <p className="hint">{texts.description}</p>}
      {error && (
        <p id={errorId} className="error-text">
          {error}
        </p>
      )}
      <div className="list-detail__body">
        <div className="list-detail__master">
          {count > 0 ? (
            <ul className="list-detail__items">
              {Array.from({ length: count }, (_, index) => {
                const name = itemName(index);
                const invalid = itemHasErrors(index);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are addressed by position
                  <li key={index} className="list-detail__row">
                    <button
                      type="button"
                      id={itemId(index)}
                      className={invalid ? 'list-item list-item--invalid' : 'list-item'}
                      aria-current={selected === index ? 'true' : undefined}
                      aria-label={nameWithErrors({
                        label: name,
                        hasErrors: invalid,
                        texts: ui.texts,
                      })}
                      onClick={() => select(index)}
                    >
                      <MarkedLabel label={name} hasErrors={invalid} />
                    </button>
                    {canRemove && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => remove(index)}
                      >
                        {translations.removeTooltip}
                        <span className="visually-hidden">{` ${name}`}</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="hint">{translations.noDataMessage}</p>
          )}
          {canAdd && (
            <button type="button" id={addId} className="button button--secondary" onClick={add}>
              {translations.addTooltip}
            </button>
          )}
        </div>
        <div className="list-detail__detail">
          {selected !== undefined && selected < count ? (
            <fieldset className="plain-fieldset" key={selected}>
              <legend className="visually-hidden">{itemName(selected)}</legend>
              <JsonFormsDispatch
                renderers={props.renderers}
                cells={props.cells}
                schema={schema}
                uischema={detail}
                path={itemPath(selected)}
                enabled={props.enabled}
              />
            </fieldset>
          ) : (
            count > 0 && <p className="hint">{translations.noSelection}</p>
          )}
        </div>
      </div>
    </fieldset>
  );
}
