import { createContext, useContext } from 'react';

/** What our controls need beyond JSON Forms' props: texts, server errors, touch state. */
export interface FormUi {
  texts: Record<string, string>;
  serverErrors: Map<string, string>;
  touched: ReadonlySet<string>;
  edited: ReadonlySet<string>;
  submitted: boolean;
  /** Submit tries so far: a new try is when categories and lists move to the first error. */
  attempts: number;
  /** The server's answer to the last submit (a 400's field errors): a new array per answer. */
  stepErrors: readonly object[];
  markTouched(path: string): void;
  markEdited(path: string): void;
}

export const FormUiContext = createContext<FormUi>({
  texts: {},
  serverErrors: new Map(),
  touched: new Set(),
  edited: new Set(),
  submitted: false,
  attempts: 0,
  stepErrors: [],
  markTouched: () => {},
  markEdited: () => {},
});

export const useFormUi = () => useContext(FormUiContext);
