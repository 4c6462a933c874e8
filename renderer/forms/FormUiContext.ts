import { createContext, useContext } from 'react';

/** What our controls need beyond JSON Forms' props: texts, server errors, touch state. */
export interface FormUi {
  texts: Record<string, string>;
  serverErrors: Map<string, string>;
  touched: ReadonlySet<string>;
  edited: ReadonlySet<string>;
  submitted: boolean;
  markTouched(path: string): void;
  markEdited(path: string): void;
}

export const FormUiContext = createContext<FormUi>({
  texts: {},
  serverErrors: new Map(),
  touched: new Set(),
  edited: new Set(),
  submitted: false,
  markTouched: () => {},
  markEdited: () => {},
});

export const useFormUi = () => useContext(FormUiContext);
