/**
 * The form in which two user names compare (a user name that differs from another only by case
 * or by Unicode spelling is the same name, as in Beyond Identity): NFC, then a full case fold
 * approximated by upper- then lower-casing (locale-independent: `ß`, `SS` and `ss` fold alike,
 * so do `ς`, `σ` and `Σ`, and `ﬁ` and `fi`, which a plain `toLowerCase()` or SQLite's ASCII-only
 * `lower()` would keep apart), then NFC again since case mapping can decompose (`ǰ` → `J̌`).
 * Stored beside the name as typed, which stays the one shown.
 */
export function foldUserKey(userKey: string) {
  return userKey.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}
