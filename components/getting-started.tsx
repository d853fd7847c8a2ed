import Link from "@/components/link";
import type { Scope } from "@/lib/db/scope";
import { isOrgAdmin } from "@/lib/db/scope";
import { canWrite } from "@/lib/db/write-context";
import type { Translate } from "@/lib/i18n/server";

/** An organisation with no accounts yet: the three ways to begin, not empty tables. */
export function GettingStarted({ scope, t }: { scope: Scope; t: Translate }) {
  const steps = [
    ...(isOrgAdmin(scope) && !scope.portal ? [{ href: "/clients", title: t("start.addClient"), hint: t("start.addClientHint"), testId: "start-add-client" }] : []),
    ...(canWrite(scope) && !scope.portal ? [{ href: "/accounts/new", title: t("start.addAccount"), hint: t("start.addAccountHint"), testId: "start-add-account" }] : []),
    ...(isOrgAdmin(scope) && !scope.portal ? [{ href: "/import", title: t("start.import"), hint: t("start.importHint"), testId: "start-import" }] : []),
  ];
  return (
    <section aria-labelledby="getting-started" className="rounded-lg border border-dashed border-slate-300 bg-white p-6" data-testid="getting-started">
      <h2 id="getting-started" className="text-lg font-semibold">{t("start.title")}</h2>
      {steps.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("start.readOnly")}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700">{t("start.intro", { org: scope.orgName })}</p>
          <ol className="mt-4 grid gap-3 md:grid-cols-3">
            {steps.map((s) => (
              <li key={s.href} className="rounded border border-slate-200 p-3">
                <Link href={s.href} className="font-medium" data-testid={s.testId}>{s.title}</Link>
                <p className="mt-1 text-xs text-slate-600">{s.hint}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
