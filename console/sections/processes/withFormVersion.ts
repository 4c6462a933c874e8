const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per node id, the `formVersion` input as the definition writes it (only nodes with a form). */
export function readFormVersions(definition: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (!isRecord(definition) || !isRecord(definition.nodes)) return found;
  for (const [id, node] of Object.entries(definition.nodes)) {
    if (isRecord(node) && isRecord(node.inputs) && node.inputs.formName !== undefined) {
      found.set(id, node.inputs.formVersion);
    }
  }
  return found;
}

/**
 * A copy of `definition` whose node `nodeId` shows version `formVersion` of its form
 * (undefined: the latest, the input removed). Everything else is kept as written.
 */
export function withFormVersion(
  definition: unknown,
  nodeId: string,
  formVersion: number | undefined,
): unknown {
  if (!isRecord(definition) || !isRecord(definition.nodes)) return definition;
  const node = definition.nodes[nodeId];
  if (!isRecord(node)) return definition;
  const { formVersion: _old, ...inputs } = isRecord(node.inputs) ? node.inputs : {};
  const nextInputs = formVersion === undefined ? inputs : { ...inputs, formVersion };
  return {
    ...definition,
    nodes: { ...definition.nodes, [nodeId]: { ...node, inputs: nextInputs } },
  };
}
