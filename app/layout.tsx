import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  // Pages name themselves (lib/i18n/page-title.ts); a page that does not is just "Gatehouse".
  title: { default: "Gatehouse", template: "%s | Gatehouse" },
  description: "Access hygiene for Amazon seller accounts",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
