/** One problem in an uploaded definition; `path` is a JSON pointer (RFC 6901) into the upload. */
export type ProcessDefinitionIssue = { path: string; message: string };
