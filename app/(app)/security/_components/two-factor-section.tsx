import QRCode from "qrcode";
import { ActionForm } from "@/components/action-form";
import { DangerFold } from "@/components/danger-fold";
import { twoFactorStatus } from "@/lib/db/two-factor";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { disableTwoFactorAction, startEnrolmentAction } from "../actions";
import { ConfirmEnrolment } from "./confirm-enrolment";

export async function TwoFactorSection({ userId, t, required }: { userId: string; t: Translate; required: boolean }) {
  const status = await twoFactorStatus(userId);
  const qr = status.pending ? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(status.pending.uri, { type: "svg", margin: 1 })).toString("base64")}` : null;
  return (
    <section aria-labelledby="two-factor" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="two-factor">
      <h2 id="two-factor" className="mb-1 text-lg font-semibold">{t("twoFactor.title")}</h2>
      {required && !status.enabled && <p role="alert" className="mb-2 rounded bg-amber-100 px-2 py-1 text-sm text-amber-900">{t("twoFactor.required")}</p>}
      {status.enabled ? (
        <>
          <p className="mb-3 text-sm">{t("twoFactor.on", { count: status.unusedCodes })}</p>
          <DangerFold
            action={disableTwoFactorAction}
            fields={[
              { name: "password", label: t("twoFactor.password"), type: "password" },
              { name: "code", label: t("signin.code"), type: "text" },
            ]}
            messages={formMessages(t, "twoFactor.disabled")}
            summary={t("twoFactor.disableAsk")}
            what={t("twoFactor.disableWhat")}
            confirmLabel={t("twoFactor.disable")}
            testId="disable-two-factor"
            t={t}
          />
        </>
      ) : status.pending && qr ? (
        <div className="space-y-3">
          <p className="text-sm">{t("twoFactor.scan")}</p>
          <img src={qr} alt={t("twoFactor.qrAlt")} width={180} height={180} className="border border-slate-200" />
          <p className="text-sm">
            {t("twoFactor.manualKey")}: <code className="select-all break-all font-mono" data-testid="totp-key">{status.pending.key}</code>
          </p>
        </div>
      ) : (
        <>
          <p className="mb-3 text-sm">{t("twoFactor.off")}</p>
          <ActionForm action={startEnrolmentAction} hidden={{ start: "yes" }} submitLabel={t("twoFactor.start")} pendingLabel={t("form.saving")} />
        </>
      )}
      {/* Always at this place in the section, so its state (the recovery codes) survives the re-render. */}
      <ConfirmEnrolment
        enrolling={!status.enabled && Boolean(status.pending && qr)}
        labels={{ code: t("twoFactor.code"), confirm: t("twoFactor.confirm"), pending: t("form.saving"), codesTitle: t("twoFactor.codesTitle"), codesIntro: t("twoFactor.codesIntro") }}
      />
    </section>
  );
}
