import Link from "@/components/link";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Translate } from "@/lib/i18n/server";
import { Empty, Section } from "./section";

/** Devices the person holds that receive other people's 2SV codes: what leaves with them if they leave. */
export function PersonDevices({ person, t }: { person: PersonDetail; t: Translate }) {
  const carrying = person.devices.filter((d) => d.othersLogins.length > 0);
  const ownOnly = person.devices.length - carrying.length;
  return (
    <Section id="person-devices" title={t("people.devicesTitle")} testId="person-devices">
      {carrying.length === 0 ? (
        <Empty>{t("people.noOthersDevices")}</Empty>
      ) : (
        <ul className="space-y-3 text-sm">
          {carrying.map((device) => (
            <li key={device.id} className="rounded border border-slate-200 p-3" data-testid="person-device">
              <div className="font-medium">
                {device.label ?? t(`people.deviceKind.${device.kind}`)} <span className="text-xs font-normal text-slate-500">({t(`people.deviceKind.${device.kind}`)})</span>
                {device.skipOtpOnBrowser && <span className="ml-2 text-xs font-normal text-amber-800">{t("device.skipOtp")}</span>}
              </div>
              <p className="mt-1 text-xs text-slate-600">{t("people.carriesFor")}</p>
              <ul className="mt-1 space-y-0.5">
                {device.othersLogins.map((m) => (
                  <li key={m.id}>
                    {m.login.person.name} · {m.login.email ?? "—"} · <Link href={`/accounts/${m.login.account.id}`}>{m.login.account.storeName}</Link>
                    <span className="text-slate-500"> · {t(`twoStepKind.${m.kind}`)} · {t(`methodRole.${m.role}`)} · {t(`loginStatus.${m.login.status}`)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {ownOnly > 0 && <p className="mt-2 text-xs text-slate-500">{t("people.ownDevicesOnly", { count: ownOnly })}</p>}
    </Section>
  );
}
