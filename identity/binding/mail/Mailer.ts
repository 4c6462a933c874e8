/** One message: plain text and HTML alternatives of the same content. */
export interface MailMessage {
  /** What the message is about (a job id): names the outbox file and the log line. */
  reference: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where a message went, or why it did not (a code like `ECONNREFUSED`, never the content). */
export type MailOutcome =
  | { ok: true; where: string }
  | { ok: false; code: string; message: string };

/** Sends mail; a failure is an outcome, not a throw, so a job can record FAILED_TO_SEND. */
export interface Mailer {
  send(message: MailMessage): Promise<MailOutcome>;
}
