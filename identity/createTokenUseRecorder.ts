import type { IdentityDeps } from './IdentityDeps';

const interval = 60_000;

/**
 * Keeps `lastUsedAt` of API tokens, writing it at most once a minute per token: the hot path
 * pays a map lookup, and the uses of a minute that are due share one write of the definitions.
 * `lastUsedAt` is a hint for whoever cleans up tokens, so the write is not awaited by the
 * request, and a failed one (a full disk) is reported and retried on a use a minute later.
 */
export function createTokenUseRecorder({
  definitions,
  now,
  onError,
}: Pick<IdentityDeps, 'definitions' | 'now'> & { onError: (error: unknown) => void }) {
  /** When each token's use was last written (or found written), epoch ms. */
  const written = new Map<string, number>();
  const due = new Map<string, string>();
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();

  const flush = () =>
    definitions.update((draft) => {
      // Uses noted from here on go into the next write, queued behind this one.
      scheduled = false;
      for (const token of draft.tokens) {
        const at = due.get(token.id);
        if (at !== undefined) token.lastUsedAt = at;
      }
      due.clear();
    });

  return {
    /** Note one authenticated request of token `tokenId`. */
    note(tokenId: string) {
      const time = now();
      let last = written.get(tokenId);
      if (last === undefined) {
        // First use since the start: what the file says counts, so a restart writes no sooner.
        // A KEYFORM_ADMIN_TOKEN has no record, so never anything to write (Infinity).
        const record = definitions.read().tokens.find((t) => t.id === tokenId);
        last = !record
          ? Number.POSITIVE_INFINITY
          : record.lastUsedAt
            ? Date.parse(record.lastUsedAt)
            : Number.NEGATIVE_INFINITY;
        written.set(tokenId, last);
      }
      if (time - last < interval) return;
      written.set(tokenId, time);
      due.set(tokenId, new Date(time).toISOString());
      if (scheduled) return;
      scheduled = true;
      writing = flush().catch(onError);
    },
    /** Resolves once every use noted so far is written (or its write failed). */
    async settled() {
      let seen: Promise<void> | undefined;
      while (seen !== writing) {
        seen = writing;
        await seen;
      }
    },
  };
}

export type TokenUseRecorder = ReturnType<typeof createTokenUseRecorder>;
