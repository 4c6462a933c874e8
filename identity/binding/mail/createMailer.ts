import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Mailer, MailMessage, MailOutcome } from './Mailer';

type Log = (fields: Record<string, unknown>, message: string) => void;

/**
 * Mail over SMTP when `smtpUrl` is set (`smtp://user:pass@host:587`, `smtps://...:465`);
 * otherwise each message is written as `<time>-<reference>.eml` into `outboxDir`, so binding
 * by email works out of the box and the operator can open the mail. Log lines name the
 * recipient's job and the file, never the message (it carries a live link).
 */
export function createMailer({
  smtpUrl,
  from,
  outboxDir,
  log = () => undefined,
  warn = log,
}: {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  log?: Log;
  warn?: Log;
}): Mailer {
  const transport = smtpUrl
    ? createTransport({
        url: smtpUrl,
        // A mail server that hangs must not hold a job's API request for minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      })
    : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  const toOutbox = async (message: MailMessage, raw: Buffer): Promise<MailOutcome> => {
    await mkdir(outboxDir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(outboxDir, `${stamp}-${message.reference}.eml`);
    await writeFile(file, raw, { mode: 0o600 });
    log(
      { reference: message.reference, file },
      'binding email written to the outbox (no KEYFORM_SMTP_URL)',
    );
    return { ok: true, where: file };
  };

  return {
    async send(message) {
      const { reference, ...content } = message;
      try {
        const info = await transport.sendMail({ from, ...content });
        if (!smtpUrl) return toOutbox(message, info.message as Buffer);
        log({ reference, messageId: info.messageId }, 'binding email sent');
        return { ok: true, where: String(info.messageId) };
      } catch (error) {
        const { code, message: text } = error as { code?: unknown; message?: unknown };
        const failure = typeof code === 'string' ? code : 'SEND_FAILED';
        warn({ reference, code: failure, err: String(text) }, 'binding email could not be sent');
        return { ok: false, code: failure, message: String(text) };
      }
    },
  };
}
