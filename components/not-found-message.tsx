import Link from "@/components/link";
import { getT } from "@/lib/i18n/server";

// The body of both 404 pages. The page decides the landmark: the root one is a page of its own
// (its <main>), the one inside the signed-in layout sits in that layout's <main>.
export async function NotFoundMessage() {
  const t = await getT();
  return (
    <div className="mx-auto mt-24 max-w-md text-center">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-slate-600">{t("notFound.body")}</p>
      <p className="mt-4"><Link href="/accounts">{t("nav.accounts")}</Link></p>
    </div>
  );
}
