// What a list page says about a filter in its link that it could not use (lib/validation/ignored-filters.ts).
// A download refuses such a link instead (filters.refused*): a file is handed on, and nobody reads a notice in it.
// A parameter the page does not read at all (`sev=critical`) is named with filters.ignoredUnknown, and only the first few
// of them one by one (filters.ignoredMore counts the rest). Japanese is the reference. The codes a filter accepts are shown as typed in a URL, not translated.
export const ja = {
  "filters.ignoredTitle": "このリンクの絞り込み条件のうち{count}件は使えないため、それを除いて一覧を表示しています。",
  "filters.ignored": "絞り込み {name}={value} は適用していません。{reason}",
  "filters.ignoredOneOf": "{values} のいずれでもありません。",
  "filters.ignoredTooLong": "{max}文字を超えています。",
  "filters.ignoredControlChar": "制御文字（改行、NUL、文字の向きを変える記号など）を含んでいます。",
  "filters.ignoredWholeNumber": "{min}〜{max}の整数ではありません。",
  "filters.ignoredMarketplace": "マーケットプレイスのコード（JP、USなど大文字2〜3文字）ではありません。",
  "filters.ignoredRule": "リスクの一覧にあるルールのIDではありません。",
  "filters.ignoredOnly": "{value} のみ使えます。",
  "filters.ignoredRepeated": "同じ条件が繰り返されています。最初の値だけを使います。",
  "filters.ignoredName": "絞り込み {name} は適用していません。{reason}",
  "filters.ignoredUnknown": "その名前の絞り込みはありません。",
  "filters.ignoredMore": "ほかにも絞り込みではないパラメータが{count}件あります。",
  "filters.refusedTitle": "何もダウンロードしていません。このリンクの絞り込み条件のうち{count}件が使えません。",
  "filters.refused": "絞り込み {name}={value} は使えません。{reason}",
  "filters.refusedName": "絞り込み {name} は使えません。{reason}",
} as const;

export const en: Record<keyof typeof ja, string> = {
  "filters.ignoredTitle": "{count, plural, one {A filter in this link could not be used, so the list is shown without it.} other {# filters in this link could not be used, so the list is shown without them.}}",
  "filters.ignored": "Ignored filter {name}={value}: {reason}",
  "filters.ignoredOneOf": "not one of {values}.",
  "filters.ignoredTooLong": "longer than {max} characters.",
  "filters.ignoredControlChar": "it holds a control character (such as a line break, NUL or text-direction override).",
  "filters.ignoredWholeNumber": "not a whole number from {min} to {max}.",
  "filters.ignoredMarketplace": "not a marketplace code (2 or 3 capital letters, such as JP or US).",
  "filters.ignoredRule": "not the id of a rule in the risk catalogue.",
  "filters.ignoredOnly": "only {value} is accepted.",
  "filters.ignoredRepeated": "the filter is repeated, and only its first value is used.",
  "filters.ignoredName": "Ignored filter {name}: {reason}",
  "filters.ignoredUnknown": "there is no filter of that name.",
  "filters.ignoredMore": "{count, plural, one {And # more parameter that is not a filter.} other {And # more parameters that are not filters.}}",
  "filters.refusedTitle": "Nothing was downloaded: {count, plural, one {a filter in this link cannot be used.} other {# filters in this link cannot be used.}}",
  "filters.refused": "Filter {name}={value} cannot be used: {reason}",
  "filters.refusedName": "Filter {name} cannot be used: {reason}",
};
