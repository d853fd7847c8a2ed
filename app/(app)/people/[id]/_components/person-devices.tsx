import { innerHtml } from "@/lib/html/safe-html";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Translate } from "@/lib/i18n/server";
import { personDevicesHtml } from "./person-sections-html";
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
        // One string of markup, rendered once (decision 053).
        <ul className="space-y-3 text-sm" dangerouslySetInnerHTML={innerHtml(personDevicesHtml(carrying, t))} />
      )}
      {ownOnly > 0 && <p className="mt-2 text-xs text-slate-500">{t("people.ownDevicesOnly", { count: ownOnly })}</p>}
    </Section>
  );
}
