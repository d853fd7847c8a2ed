"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asFormData } from "@/lib/actions/form-data";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });

/** Public on purpose: the language of the sign-in page must be switchable too. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // Posted without its form (lib/actions/form-data.ts): nothing to set.
  const form = asFormData(formData);
  if (!form) return;
  const parsed = setLocaleSchema.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
