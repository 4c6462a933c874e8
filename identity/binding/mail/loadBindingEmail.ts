import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const builtinDir = fileURLToPath(new URL('../templates/', import.meta.url));
const parts = {
  subject: 'binding-email.subject.txt',
  text: 'binding-email.txt',
  html: 'binding-email.html',
};

export interface BindingEmailValues {
  display_name: string;
  username: string;
  link: string;
  expire_time: string;
}

/**
 * The binding email's templates: each of `binding-email.subject.txt`, `.txt` and `.html` from
 * `templateDir` when the operator put one there, else the built-in one. `{{name}}` placeholders
 * are filled in; in the HTML part the values are escaped.
 */
export async function loadBindingEmail({ templateDir }: { templateDir?: string }) {
  const [subject, text, html] = await Promise.all(
    Object.values(parts).map((name) => readTemplate(name, templateDir)),
  );
  return (values: BindingEmailValues) => ({
    subject: fill(subject!, values, (v) => v.replace(/[\r\n]+/g, ' ')).trim(),
    text: fill(text!, values, (v) => v),
    html: fill(html!, values, escapeHtml),
  });
}

async function readTemplate(name: string, templateDir: string | undefined) {
  if (templateDir !== undefined) {
    const custom = await readFile(join(templateDir, name), 'utf8').catch(() => undefined);
    if (custom !== undefined) return custom;
  }
  return readFile(join(builtinDir, name), 'utf8');
}

function fill(template: string, values: BindingEmailValues, encode: (value: string) => string) {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? encode(values[name as keyof BindingEmailValues]) : whole,
  );
}

function escapeHtml(value: string) {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
