/** A member's role in the organisation (Prisma's MemberRole, which only lib/db imports). */
type MemberRole = "OWNER" | "ADMIN" | "MANAGER" | "VIEWER";

// The dev outbox (no SMTP_URL) keeps mail as sent, and an invitation mail carries a working
// /invite/<token> link: whoever opens it signed out sets the password of the invited address and
// gets the invited role. So an outbox reader sees a link only when they sent that invitation and
// could send it again now (decision 100); every other link is replaced before the page is built.
// Only invitation mails carry a secret link (member and client-portal invitations); the digest and
// the reminder carry none, and there is no mailed password reset or sign-in link.

/** An invitation link in a mail body: the token is 32 random bytes in base64url (members.ts). */
export const INVITE_LINK = /\S*\/invite\/([A-Za-z0-9_-]+)/g;

/** What the outbox knows of the invitation behind a link's token (looked up by its hash). */
export interface LinkedInvitation {
  createdById: string;
  role: MemberRole;
  /** A client-owner portal invitation (into a client's own organisation): any Owner or Admin may send one. */
  portal: boolean;
}

export type HiddenLinkReason = "ownerInvitation" | "notYours" | "unknown";

export interface OutboxReader {
  userId: string;
  role: MemberRole;
}

/** null: the reader may hold this link; otherwise why it is hidden from them. */
export function hiddenLinkReason(reader: OutboxReader, invitation: LinkedInvitation | undefined): HiddenLinkReason | null {
  // A link Gatehouse cannot tie to an invitation is hidden: it fails closed.
  if (!invitation) return "unknown";
  // Only an Owner can make an Owner (assertCanManage): said first, as it is the reason no Admin could ever read it.
  if (!invitation.portal && invitation.role === "OWNER" && reader.role !== "OWNER") return "ownerInvitation";
  if (reader.role !== "OWNER" && reader.role !== "ADMIN") return "notYours";
  // Even another Owner or Admin who could send the same invitation does not read this one: the person who
  // sent it is the one the audit names for it, and they can invite the address again (the old link then dies).
  if (invitation.createdById !== reader.userId) return "notYours";
  return null;
}

/** The tokens of every invitation link in a body. */
export function invitationTokens(body: string): string[] {
  return [...body.matchAll(INVITE_LINK)].map((m) => m[1]);
}

/** The placeholder left where a link was: the mail itself is bilingual, so this is too. */
export const HIDDEN_LINK_TEXT = "［リンクは表示されません / link hidden］";

/** The body with every link the reader may not hold replaced, and the reasons (each once, in order). */
export function redactInvitationLinks(
  body: string,
  reader: OutboxReader,
  invitationFor: (token: string) => LinkedInvitation | undefined,
): { body: string; hiddenLinks: HiddenLinkReason[] } {
  const reasons: HiddenLinkReason[] = [];
  const redacted = body.replace(INVITE_LINK, (link, token: string) => {
    const reason = hiddenLinkReason(reader, invitationFor(token));
    if (reason === null) return link;
    if (!reasons.includes(reason)) reasons.push(reason);
    return HIDDEN_LINK_TEXT;
  });
  return { body: redacted, hiddenLinks: reasons };
}
