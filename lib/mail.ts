import "server-only";
import nodemailer from "nodemailer";
import { writeOutboxMail } from "@/lib/db/outbox";

export interface Mail {
  orgId: string;
  to: string;
  subject: string;
  body: string;
}

/** Sends through SMTP_URL when set; otherwise writes to the organisation's dev outbox and the console. */
export async function sendMail(mail: Mail): Promise<"smtp" | "outbox"> {
  const url = process.env.SMTP_URL;
  if (url) {
    await nodemailer.createTransport(url).sendMail({ from: process.env.MAIL_FROM ?? "Gatehouse <no-reply@gatehouse.invalid>", to: mail.to, subject: mail.subject, text: mail.body });
    return "smtp";
  }
  await writeOutboxMail(mail);
  console.log(`[gatehouse] mail to ${mail.to} (no SMTP_URL; kept in the dev outbox): ${mail.subject}`);
  return "outbox";
}
