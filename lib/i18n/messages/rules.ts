// The rule catalogue page. Japanese is the reference.
export const ja = {
  "nav.rules": "リスクの一覧",
  "rules.title": "Gatehouseが検出するリスク",
  "rules.intro": "Gatehouseはアカウントごとに次の {count} 種類のリスクを確認し、見つかったものを根拠と対処方法とともに表示します。",
  "rules.whatToDo": "対処方法",
} as const;

export const en: Record<keyof typeof ja, string> = {
  "nav.rules": "Risk catalogue",
  "rules.title": "The risks Gatehouse flags",
  "rules.intro": "Gatehouse checks every account for these {count, plural, one {# risk} other {# risks}} and shows each one it finds with its evidence and what to do.",
  "rules.whatToDo": "What to do",
};
