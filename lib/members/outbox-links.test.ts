import { describe, expect, it } from "vitest";
import { HIDDEN_LINK_TEXT, hiddenLinkReason, redactInvitationLinks } from "./outbox-links";

const owner = { userId: "u-owner", role: "OWNER" as const };
const admin = { userId: "u-admin", role: "ADMIN" as const };

describe("who reads an invitation link in the dev outbox (decision 100)", () => {
  it("its sender, while they may still grant its role; nobody else", () => {
    const ownerInvite = { createdById: "u-owner", role: "OWNER" as const, portal: false };
    expect(hiddenLinkReason(owner, ownerInvite)).toBeNull();
    expect(hiddenLinkReason(admin, ownerInvite)).toBe("ownerInvitation");
    expect(hiddenLinkReason({ userId: "u-owner", role: "ADMIN" }, ownerInvite)).toBe("ownerInvitation");
    const adminsViewer = { createdById: "u-admin", role: "VIEWER" as const, portal: false };
    expect(hiddenLinkReason(admin, adminsViewer)).toBeNull();
    expect(hiddenLinkReason(owner, adminsViewer)).toBe("notYours");
    expect(hiddenLinkReason({ userId: "u-admin", role: "MANAGER" }, adminsViewer)).toBe("notYours");
    // A portal's first person is its own organisation's Owner, which an Admin may invite.
    expect(hiddenLinkReason(admin, { createdById: "u-admin", role: "OWNER", portal: true })).toBeNull();
    expect(hiddenLinkReason(owner, undefined)).toBe("unknown");
  });

  it("replaces every link the reader may not hold, keeps the rest of the mail, and names each reason once", () => {
    const body = "a http://h/invite/AAA_1\nb https://h:3000/invite/BBB-2.\nc http://h/invite/CCC";
    const found = { AAA_1: { createdById: "u-admin", role: "VIEWER" as const, portal: false }, "BBB-2": { createdById: "u-owner", role: "OWNER" as const, portal: false } };
    const out = redactInvitationLinks(body, admin, (t) => found[t as keyof typeof found]);
    expect(out.body).toBe(`a http://h/invite/AAA_1\nb ${HIDDEN_LINK_TEXT}.\nc ${HIDDEN_LINK_TEXT}`);
    expect(out.hiddenLinks).toEqual(["ownerInvitation", "unknown"]);
  });
});
