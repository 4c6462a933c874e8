/**
 * How far a record write has to have got before the answer that reports it may leave:
 * - `'committed'`: its transaction committed; it outlives the process (`kill -9`), not
 *   necessarily a power cut.
 * - `'durable'`: it is on disk; it outlives a power cut too.
 */
export type DurabilityLevel = 'committed' | 'durable';

declare const writeTicket: unique symbol;
/**
 * Where a request began among the record writes, from `RecordDurability.begin()`. Opaque: only
 * the durability that issued it reads it.
 */
export type WriteTicket = number & { readonly [writeTicket]: true };

/**
 * The one promise the api waits on before it answers: "this request's writes have reached this
 * level". Each record backend provides it its own way (SQLite: write batches and a group commit
 * of the WAL; a server database: its COMMIT), so nothing above storage knows how writes are
 * made durable.
 */
export interface RecordDurability {
  /** Taken when a request begins: the writes it makes from then on are the ones it waits for. */
  begin(): WriteTicket;
  /**
   * Resolves once every record write made before this call, back to `ticket`, has reached
   * `level`. Rejects with StorageError STORAGE_UNAVAILABLE when one of them may have been lost
   * (a failed commit or sync): the answer must then be a 503, not an acknowledgement.
   */
  reached(ticket: WriteTicket, level: DurabilityLevel): Promise<void>;
}
