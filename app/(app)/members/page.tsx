import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { requireScope } from "@/lib/auth/scope";
import { isOrgAdmin } from "@/lib/db/scope";
import { listMembers } from "@/lib/db/members";
import { listClientPortals } from "@/lib/db/portal";
import { formMessages } from "@/lib/i18n/form-messages";
import { getT } from "@/lib/i18n/server";
import { membersPageQuerySchema } from "@/lib/validation/members";
import { changeMemberAction, closeClientPortalAction, inviteClientOwnerAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";
import { DangerFold } from "@/components/danger-fold";

const ROLES = ["OWNER", "ADMIN", "MANAGER", "VIEWER"] as const;

const ASSIGNED_SHOWN = 3;

export const generateMetadata = () => pageTitle("nav.members");

export default async function MembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [scope, t, { edit }] = await Promise.all([requireScope(), getT(), searchParams.then((raw) => membersPageQuerySchema.parse(raw))]);
  if (!isOrgAdmin(scope)) notFound();
  const [{ members, invitations, clients }, portals] = await Promise.all([listMembers(scope), listClientPortals(scope)]);
  const roleOptions = ROLES.filter((r) => r !== "OWNER" || scope.role === "OWNER").map((r) => ({ value: r, label: t(`role.${r}`) }));
  const clientOptions = clients.map((c) => ({ value: c.id, label: c.name }));
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  /** The first few assigned clients by name, and how many more. */
  const assigned = (ids: string[]) =>
    ids.slice(0, ASSIGNED_SHOWN).map((id) => clientName.get(id) ?? "?").join(", ") + (ids.length > ASSIGNED_SHOWN ? ` +${ids.length - ASSIGNED_SHOWN}` : "");
  return (
    <div className="max-w-5xl space-y-4">
      <div className="flex items-end justify-between">
        <h1 className="text-2xl font-semibold">{t("members.title")}</h1>
        {!process.env.SMTP_URL && <Link href="/members/outbox">{t("members.outbox")}</Link>}
      </div>
      <p className="text-sm text-slate-600">{t("members.rolesHelp")}</p>
      <section aria-labelledby="member-list" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="member-list" className="mb-3 text-lg font-semibold">{t("members.list")}</h2>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => {
            const editable = m.user.id !== scope.userId && (m.role !== "OWNER" || scope.role === "OWNER");
            return (
              <li key={m.id} id={`member-${m.id}`} className="py-3" data-testid="member">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{m.user.name}</span>
                  <span className="text-slate-500">{m.user.email}</span>
                  <span className="rounded bg-slate-100 px-1.5 text-xs">{t(`role.${m.role}`)}</span>
                  {m.user.totpEnabledAt ? <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">{t("members.twoFactorOn")}</span> : <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("members.twoFactorOff")}</span>}
                </div>
                {(m.role === "MANAGER" || m.role === "VIEWER") && m.clients.length > 0 && (
                  <p className="mt-1 text-xs text-slate-600" data-testid="member-clients">
                    {t("members.clients")}: {assigned(m.clients.map((c) => c.clientId))}
                  </p>
                )}
                {editable && edit !== m.id && (
                  <Link href={`/members?edit=${encodeURIComponent(m.id)}#member-${m.id}`} className="mt-1 inline-block text-xs">{t("members.edit")}</Link>
                )}
                {editable && edit === m.id && (
                  <div className="mt-1">
                    <Link href="/members" className="text-xs">{t("members.editClose")}</Link>
                    <div className="mt-2 space-y-2 rounded bg-slate-50 p-3">
                      <ActionForm
                        action={changeMemberAction}
                        hidden={{ membershipId: m.id }}
                        fields={[
                          { name: "role", label: t("members.role"), type: "select", options: roleOptions, defaultValue: m.role },
                          { name: "clientIds", label: t("members.clients"), type: "checkboxes", options: clientOptions, defaultValues: m.clients.map((c) => c.clientId), hint: t("members.clientsHint") },
                        ]}
                        submitLabel={t("form.save")}
                        pendingLabel={t("form.saving")}
                        messages={formMessages(t, "form.saved")}
                      />
                      <DangerFold
                        action={removeMemberAction}
                        hidden={{ membershipId: m.id }}
                        summary={t("members.remove")}
                        what={
                          (m.role === "MANAGER" || m.role === "VIEWER") && m.clients.length > 0
                            ? t("members.removeWhatClients", { name: m.user.name, email: m.user.email, clients: assigned(m.clients.map((c) => c.clientId)) })
                            : t("members.removeWhat", { name: m.user.name, email: m.user.email })
                        }
                        confirmLabel={t("members.removeConfirm", { name: m.user.name })}
                        className="mt-4 border-t border-slate-200 pt-3"
                        testId="remove-member"
                        t={t}
                      />
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="invite" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="invite" className="mb-3 text-lg font-semibold">{t("members.invite")}</h2>
        <ActionForm
          action={inviteMemberAction}
          fields={[
            { name: "email", label: t("signin.email"), type: "text", required: true },
            { name: "role", label: t("members.role"), type: "select", options: roleOptions, defaultValue: "VIEWER" },
            { name: "clientIds", label: t("members.clients"), type: "checkboxes", options: clientOptions, hint: t("members.clientsHint") },
          ]}
          submitLabel={t("members.inviteSubmit")}
          pendingLabel={t("form.saving")}
          messages={formMessages(t, "members.invited")}
          testId="invite-form"
        />
        {invitations.length > 0 && (
          <div className="mt-4">
            <h3 className="text-sm font-semibold">{t("members.pending")}</h3>
            <p className="text-xs text-slate-600">{t("members.pendingHelp")}</p>
            <ul className="mt-1 space-y-1 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="invitation">
                  <span>{i.email} · {t(`role.${i.role}`)} · {t("members.expires")} {i.expiresAt.toISOString().slice(0, 10)}</span>
                  {/* What accepting grants: a manager or viewer sees only these clients' accounts. */}
                  {(i.role === "MANAGER" || i.role === "VIEWER") && (
                    <span className="text-xs text-slate-600" data-testid="invitation-clients">
                      {i.clientIds.length === 0
                        ? t("members.noClients")
                        : <>{t("members.clients")}: {assigned(i.clientIds)}</>}
                    </span>
                  )}
                  <ActionForm action={revokeInvitationAction} hidden={{ invitationId: i.id }} submitLabel={t("members.revokeInvitation")} pendingLabel={t("form.saving")} variant="danger" inline />
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby="portal" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="client-portal">
        <h2 id="portal" className="mb-1 text-lg font-semibold">{t("portal.title")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("portal.intro")}</p>
        {portals.length === 0 ? (
          <p className="mb-3 text-sm text-slate-500">{t("portal.none")}</p>
        ) : (
          <ul className="mb-3 divide-y divide-slate-100 text-sm">
            {portals.map((p) => (
              <li key={p.clientId} className="flex flex-wrap items-center gap-2 py-2" data-testid="portal">
                <span className="font-medium">{p.clientName}</span>
                {p.members.length > 0 && <span>{t("portal.members")}: {p.members.join(", ")}</span>}
                {p.pending.length > 0 && <span className="text-slate-500">{t("portal.pending")}: {p.pending.join(", ")}</span>}
                <DangerFold
                  action={closeClientPortalAction}
                  hidden={{ clientId: p.clientId }}
                  summary={t("portal.close")}
                  what={p.members.length > 0 ? t("portal.closeWhat", { client: p.clientName, members: p.members.join(", ") }) : t("portal.closeWhatNobody", { client: p.clientName })}
                  confirmLabel={t("portal.closeConfirm", { client: p.clientName })}
                  className="basis-full"
                  testId="close-portal"
                  t={t}
                />
              </li>
            ))}
          </ul>
        )}
        {clientOptions.length > 0 && (
          <ActionForm
            action={inviteClientOwnerAction}
            fields={[
              { name: "clientId", label: t("portal.client"), type: "select", options: clientOptions, defaultValue: clientOptions[0].value },
              { name: "email", label: t("portal.email"), type: "text", required: true },
            ]}
            submitLabel={t("portal.inviteSubmit")}
            pendingLabel={t("form.saving")}
            messages={formMessages(t, "portal.invited")}
            testId="portal-form"
          />
        )}
      </section>
    </div>
  );
}
