/**
 * A worker process for the crash test of alert emails: delivers the outbox of a PostgreSQL database to an SMTP port,
 * in small batches, with its clock shifted by NOW_OFFSET_MS (so that a restarted worker may take over the leases of a
 * killed one without waiting a minute). Run with `node --import tsx`.
 */
import pino from "pino";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { createDb } from "../../src/db/create-db";
import { createSmtpSender } from "../../src/jobs/smtp-sender";

const url = process.env.WORKER_DATABASE_URL ?? "";
const offset = Number(process.env.NOW_OFFSET_MS ?? "0");
const handle = await createDb({ engine: "postgres", url, poolSize: 2 });
const sender = createSmtpSender(`smtp://127.0.0.1:${process.env.SMTP_PORT}`, "Givefirst <no-reply@localhost>");
const sent = await deliverOutbox(
  { db: handle.db, now: () => new Date(Date.now() + offset), logger: pino({ level: "silent" }) },
  sender.send,
  5,
);
sender.close();
await handle.close();
console.log(`sent ${sent}`);
