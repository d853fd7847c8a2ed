import type { AccountDetail } from "@/lib/db/accounts";
import type { Translate } from "@/lib/i18n/server";
import { formatDay } from "@/lib/dates-format";
import { Empty, Section } from "./section";

const SEVERITY_TONE: Record<string, string> = {
  critical: "bg-red-700 text-white",
  high: "bg-orange-500 text-white",
  medium: "bg-amber-300 text-amber-950",
  low: "bg-slate-200 text-slate-800",
};

export function SeverityBadge({ severity, label }: { severity: string; label: string }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${SEVERITY_TONE[severity]}`}>{label}</span>;
}

export function FindingsSection({ account, t }: { account: AccountDetail; t: Translate }) {
  const open = account.findings.filter((f) => f.status === "OPEN");
  const accepted = account.findings.filter((f) => f.status === "ACCEPTED");
  return (
    <Section id="findings" title={t("account.findings")}>
      {open.length === 0 ? (
        <Empty>{t("account.noFindings")}</Empty>
      ) : (
        <ul className="space-y-2" data-testid="open-findings">
          {open.map((f) => (
            <li key={f.id} className="rounded border border-slate-200 p-3 text-sm">
              <SeverityBadge severity={f.severity} label={t(`severity.${f.severity}`)} /> <span className="font-medium">{f.ruleId}</span>
              <p className="mt-1 text-slate-700">{f.evidence}</p>
            </li>
          ))}
        </ul>
      )}
      {accepted.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t("finding.accepted")}</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {accepted.map((f) => (
              <li key={f.id}>{f.ruleId} — {f.acceptedReason} ({t("finding.until")} {formatDay(f.acceptedUntil)})</li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
