import { setLocaleAction } from "@/lib/actions/locale";
import { getLocale, getT } from "@/lib/i18n/server";

export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getT()]);
  const other = locale === "ja" ? "en" : "ja";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100" lang={other}>
        {t(other === "en" ? "locale.switchToEnglish" : "locale.switchToJapanese")}
      </button>
    </form>
  );
}
