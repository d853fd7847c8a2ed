import { describe, expect, it } from "vitest";
import { composeReminder } from "./reminder";

describe("the daily overdue reminder", () => {
  const sections = [
    { heading: "digest.overdueReviews" as const, lines: [{ subject: "Q4 review", text: "未判断 3件", due: "2026-11-30" }] },
    { heading: "digest.overdueTasks" as const, lines: [{ subject: "Tokyo Store", text: "vendor@ads.example", due: "2026-12-01" }] },
  ];

  it("lists the member's overdue reviews and tasks in their language, and how to stop it", () => {
    const ja = composeReminder({ locale: "ja", memberName: "佐藤", orgName: "A社", day: "2026-12-04", sections });
    expect(ja.subject).toBe("Gatehouse リマインダー: 期限を過ぎたレビュー・タスク（A社・2026-12-04）");
    expect(ja.body).toContain("■ 期限を過ぎたアクセスレビュー（1件）\n- Q4 review: 未判断 3件 (期限 2026-11-30)");
    expect(ja.body).toContain("■ あなたの期限切れの対応タスク（1件）\n- Tokyo Store: vendor@ads.example (期限 2026-12-01)");
    expect(ja.body).toContain("「セキュリティ」ページで停止");
    const en = composeReminder({ locale: "en", memberName: "Sato", orgName: "A", day: "2026-12-04", sections: sections.slice(1) });
    expect(en.subject).toBe("Gatehouse reminder: overdue reviews and tasks (A, 2026-12-04)");
    expect(en.body).toContain("Your overdue remediation tasks (1)");
    expect(en.body).not.toContain("Access reviews");
  });
});
