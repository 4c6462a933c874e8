import {
  type ArrayControlProps,
  composePaths,
  computeChildLabel,
  createDefaultValue,
  findUISchema,
  getControlPath,
  getI18nKeyPrefix,
  hasType,
  type JsonSchema,
  type UISchemaElement,
  update,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms } from '@jsonforms/react';
import { useEffect, useId, useMemo, useRef } from 'react';
import { FormUiContext, useFormUi } from '../../FormUiContext';
import { fieldIds } from '../../fieldIds';
import { pickVisibleError } from '../../pickVisibleError';
import { resolveControlTexts } from '../../resolveControlTexts';
import { collectRowErrors } from './collectRowErrors';
import { GroupShell } from './GroupShell';
import { pickFocusAfterRemove } from './pickFocusAfterRemove';
import { planArrayLimits } from './planArrayLimits';
import { resolveArrayTexts } from './resolveArrayTexts';

type Json = Record<string, unknown>;
type Action = 'up' | 'down' | 'remove';
type Focus = { row: number; part: 'field' | Action } | { add: true };

const primitiveTypes = ['string', 'number', 'integer', 'boolean'];

/**
 * An array as a list of rows, each drawn by the renderers of its items (a row layout from
 * `options.detail`, else generated, as JSON Forms' ArrayControlRenderer does), with add,
 * remove and, with `options.showSortButtons`, move up/down. Every button names its row;
 * focus follows the row acted on, so keyboard users keep their place.
 */
export function ArrayControl(props: ArrayControlProps) {
  const { path, data, visible, enabled, uischema, arraySchema, rootSchema } = props;
  const itemSchema = props.schema;
  const ui = useFormUi();
  const ctx = useJsonForms();
  const ids = fieldIds(path, useId());
  const rowsRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<Focus | null>(null);
  const rows: unknown[] = Array.isArray(data) ? data : [];
  const count = rows.length;
  const options = (uischema.options ?? {}) as Json;
  const prefix = getI18nKeyPrefix(arraySchema, uischema, path);
  const texts = resolveControlTexts({
    texts: ui.texts,
    uischema: uischema as unknown as Json,
    schema: arraySchema as Json,
    path,
  });
  const limits = planArrayLimits({ count, arraySchema: arraySchema as Json, options, enabled });
  const arrayTexts = resolveArrayTexts({
    texts: ui.texts,
    prefix,
    label: texts.label,
    min: limits.min,
    max: limits.max,
  });
  // A string detail ("GENERATE") asks for the generated row, which for a primitive is ours.
  const primitiveRows =
    (typeof options.detail !== 'object' || options.detail === null) &&
    primitiveTypes.some((type) => hasType(itemSchema, type)) &&
    !hasType(itemSchema, 'object');
  const childUiSchema = useMemo(
    () =>
      findUISchema(
        props.uischemas ?? [],
        itemSchema,
        uischema.scope,
        path,
        undefined,
        uischema,
        rootSchema,
      ),
    [props.uischemas, itemSchema, uischema, path, rootSchema],
  );
  // A primitive row is labelled by its title, not by the array's own label and help texts,
  // which JSON Forms' path-based i18n keys would give every row.
  const rowUi = useMemo(() => {
    const rowTexts = { ...ui.texts };
    delete rowTexts[`${prefix}.label`];
    delete rowTexts[`${prefix}.description`];
    return { ...ui, texts: rowTexts };
  }, [ui, prefix]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the rows show the new data
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if ('add' in target) {
      addRef.current?.focus();
      return;
    }
    const row = rowsRef.current?.children.item(target.row);
    const element =
      target.part === 'field'
        ? (row?.querySelector('input, select, textarea') ?? row?.querySelector('button'))
        : row?.querySelector(`[data-array-action="${target.part}"]`);
    (element as HTMLElement | null | undefined)?.focus();
  }, [data]);

  // An emptied text row is dropped from the array by JSON Forms (a hole, sent as null); an
  // empty string is what a new row holds, and what the row's own rules then judge.
  const stringRows = primitiveRows && hasType(itemSchema, 'string');
  useEffect(() => {
    if (!stringRows || !Array.isArray(data) || !Array.from(data).includes(undefined)) return;
    ctx.dispatch?.(update(path, () => Array.from(data, (value) => value ?? '')));
  }, [stringRows, data, path, ctx.dispatch]);

  if (!visible) return null;

  const error = pickVisibleError({
    clientError: props.errors ?? '',
    serverError: ui.serverErrors.get(path),
    touched: ui.touched.has(path),
    submitted: ui.submitted,
    edited: ui.edited.has(path),
  });
  const showChildErrors = ui.submitted || ui.touched.has(path);
  const childErrors = [
    ...(showChildErrors ? (props.childErrors ?? []) : []).map((e) => ({
      path: getControlPath(e) as string,
      message: e.message ?? e.keyword,
    })),
    ...[...ui.serverErrors]
      .filter(([errorPath]) => !ui.edited.has(errorPath))
      .map(([errorPath, message]) => ({ path: errorPath, message })),
  ];
  const changed = () => {
    ui.markEdited(path);
    ui.markTouched(path);
  };
  const add = () => {
    if (limits.add !== undefined) return;
    changed();
    focusNext.current = { row: count, part: 'field' };
    props.addItem(path, createDefaultValue(itemSchema, rootSchema))();
  };
  const remove = (index: number) => {
    if (limits.remove !== undefined || !props.removeItems) return;
    changed();
    const next = pickFocusAfterRemove({ removed: index, remaining: count - 1 });
    focusNext.current = 'row' in next ? { row: next.row, part: 'remove' } : next;
    props.removeItems(path, [index])();
  };
  const move = (index: number, part: 'up' | 'down') => {
    const to = part === 'up' ? index - 1 : index + 1;
    const mover = part === 'up' ? props.moveUp : props.moveDown;
    if (!enabled || to < 0 || to >= count || !mover) return;
    changed();
    focusNext.current = { row: to, part };
    mover(path, index)();
  };

  const minId = `${ids.input}-min`;
  const maxId = `${ids.input}-max`;
  const showSort = options.showSortButtons === true;
  const childLabelProp = [options.elementLabelProp, options.childLabelProp].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const renderRow = (index: number) => {
    const childPath = composePaths(path, `${index}`);
    const title = arrayTexts.itemLabel(index);
    const childLabel = primitiveRows
      ? ''
      : String(
          computeChildLabel(
            ctx.core?.data,
            childPath,
            childLabelProp as string,
            itemSchema,
            rootSchema,
            ctx.i18n?.translate as never,
            uischema,
          ) ?? '',
        );
    const heading = childLabel === '' ? title : `${title}: ${childLabel}`;
    const button = (part: Action, blocked: boolean, onClick: () => void, reason?: string) => {
      const names = arrayTexts[part](index, heading);
      return (
        <button
          type="button"
          className="array-button"
          data-array-action={part}
          aria-label={names.ariaLabel}
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? reason : undefined}
          onClick={onClick}
        >
          {names.text}
        </button>
      );
    };
    const actions = (
      <div className="array__actions">
        {showSort && button('up', !enabled || index === 0, () => move(index, 'up'))}
        {showSort && button('down', !enabled || index === count - 1, () => move(index, 'down'))}
        {limits.showRemove &&
          button(
            'remove',
            limits.remove !== undefined,
            () => remove(index),
            limits.remove === 'minItems' ? minId : undefined,
          )}
      </div>
    );
    if (primitiveRows) {
      const rowUiSchema = { type: 'Control', scope: '#', label: title } as UISchemaElement;
      return (
        <li key={index} className="array__row array__row--inline">
          <FormUiContext.Provider value={rowUi}>
            <JsonFormsDispatch
              schema={itemSchema}
              uischema={rowUiSchema}
              path={childPath}
              enabled={enabled}
              renderers={props.renderers}
              cells={props.cells}
            />
          </FormUiContext.Provider>
          {actions}
        </li>
      );
    }
    const rowErrors = collectRowErrors({
      errors: childErrors,
      base: childPath,
      uischema: childUiSchema,
    });
    return (
      // Rows are keyed by position: a row is its place in the data, not an identity.
      <li key={index} className="array__row">
        <fieldset className="group">
          <legend>{heading}</legend>
          <div className="layout layout--vertical">
            <JsonFormsDispatch
              schema={itemSchema as JsonSchema}
              uischema={childUiSchema}
              path={childPath}
              enabled={enabled}
              renderers={props.renderers}
              cells={props.cells}
            />
            {rowErrors.length > 0 && <p className="error-text">{rowErrors.join('\n')}</p>}
            {actions}
          </div>
        </fieldset>
      </li>
    );
  };

  return (
    <GroupShell
      texts={texts}
      ids={ids}
      required={props.required === true}
      error={error}
      invalid={error !== ''}
      focusable
      errorFirst
      className="group array"
    >
      {count === 0 ? (
        <p className="hint">{arrayTexts.noData}</p>
      ) : (
        <ol ref={rowsRef} className="array__rows">
          {Array.from({ length: count }, (_, index) => renderRow(index))}
        </ol>
      )}
      {limits.remove === 'minItems' && count > 0 && limits.showRemove && (
        <p id={minId} className="hint">
          {arrayTexts.minItemsReason}
        </p>
      )}
      {limits.add === 'maxItems' && (
        <p id={maxId} className="hint">
          {arrayTexts.maxItemsReason}
        </p>
      )}
      {limits.showAdd && (
        <button
          ref={addRef}
          type="button"
          className="array-button array-button--add"
          aria-label={arrayTexts.addAriaLabel}
          aria-disabled={limits.add !== undefined || undefined}
          aria-describedby={limits.add === 'maxItems' ? maxId : undefined}
          onClick={add}
        >
          {arrayTexts.add}
        </button>
      )}
    </GroupShell>
  );
}
