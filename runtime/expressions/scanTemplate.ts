export type TemplateSegment =
  | { readonly kind: 'text'; readonly text: string }
  /** `source` is the text between `${` and its `}`; `start` is the index of the `$`. */
  | { readonly kind: 'expression'; readonly source: string; readonly start: number }
  /** A `${` with no closing `}`: always the last segment, holding the rest of the template. */
  | { readonly kind: 'unterminated'; readonly source: string; readonly start: number };

/**
 * Split a template string into text and `${...}` segments. The closing `}` is found by skipping
 * quoted strings ('...', "...", `...`, with backslash escapes) and balanced braces, so
 * `${a["x}y"]}` is one expression. There is no escape for a literal `${` in text. Empty text
 * segments are left out, so a template that is exactly one `${...}` yields one segment.
 */
export function scanTemplate({ template }: { template: string }): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let position = 0;
  while (position < template.length) {
    const start = template.indexOf('${', position);
    if (start === -1) {
      segments.push({ kind: 'text', text: template.slice(position) });
      break;
    }
    if (start > position) segments.push({ kind: 'text', text: template.slice(position, start) });

    const end = findClosingBrace({ template, from: start + 2 });
    if (end === -1) {
      segments.push({ kind: 'unterminated', source: template.slice(start + 2), start });
      break;
    }
    segments.push({ kind: 'expression', source: template.slice(start + 2, end), start });
    position = end + 1;
  }
  return segments;
}

/** Index of the `}` closing an expression that begins at `from`, or -1 when there is none. */
function findClosingBrace({ template, from }: { template: string; from: number }): number {
  let quote: string | null = null;
  let depth = 0;
  for (let index = from; index < template.length; index++) {
    const char = template[index];
    if (quote !== null) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}
