// What a list page says about a filter in its link that it could not use (lib/validation/ignored-filters.ts).
// A download refuses such a link instead (filters.refused*): a file is handed on, and nobody reads a notice in it.
// A parameter the page does not read at all is a parameter of the link, not a filter (`utm_source` never was one):
// filters.ignoredParameter with filters.ignoredUnknown, or ignoredUnknownNear when it is close to a filter's name
// (`sev`); only the first few of them one by one (filters.ignoredMore counts the rest). A download refuses a parameter
// it reads given twice (`format=csv&format=xlsx`), as a link parameter too: filters.ignoredRepeatedParameter.
// Japanese is the reference. The codes a filter accepts are shown as typed in a URL, not translated.
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
  // A client id no client the reader can reach has (none, another organisation's, one not assigned): said alike (decision 093).
  "filters.ignoredNoSuchClient": "あなたが見られるクライアントのIDではありません。",
  // The same for a client given by its name (the snapshot download's `client=NAME`, decision 099).
  "filters.ignoredNoSuchClientName": "あなたが見られるクライアントの名前ではありません。",
  "filters.ignoredRepeated": "同じ条件が繰り返されています。最初の値だけを使います。",
  "filters.ignoredRepeatedParameter": "{count}回指定されています。1回だけ指定してください。",
  "filters.ignoredName": "絞り込み {name} は適用していません。{reason}",
  "filters.ignoredUnknown": "このページにその名前のパラメータはありません。",
  "filters.ignoredUnknownNear": "このページにその名前のパラメータはありません。絞り込みの {near} のつもりでしたら、名前を直してください。",
  "filters.ignoredParameter": "リンクのパラメータ {name}={value} は使っていません。{reason}",
  "filters.ignoredParameterName": "リンクのパラメータ {name} は使っていません。{reason}",
  "filters.ignoredParametersTitle": "このリンクのパラメータのうち{count}件は使えないため、それを除いて表示しています。",
  "filters.ignoredMore": "ほかにも使っていないパラメータが{count}件あります。",
  "filters.refusedTitle": "何もダウンロードしていません。このリンクの絞り込み条件のうち{count}件が使えません。",
  "filters.refused": "絞り込み {name}={value} は使えません。{reason}",
  "filters.refusedName": "絞り込み {name} は使えません。{reason}",
  "filters.refusedParametersTitle": "何もダウンロードしていません。このリンクのパラメータのうち{count}件が使えません。",
  "filters.refusedParameter": "リンクのパラメータ {name}={value} は使えません。{reason}",
  "filters.refusedParameterName": "リンクのパラメータ {name} は使えません。{reason}",
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
  "filters.ignoredNoSuchClient": "it is not the id of a client you can see.",
  "filters.ignoredNoSuchClientName": "it is not the name of a client you can see.",
  "filters.ignoredRepeated": "the filter is repeated, and only its first value is used.",
  "filters.ignoredRepeatedParameter": "it is given {count} times; give it once.",
  "filters.ignoredName": "Ignored filter {name}: {reason}",
  "filters.ignoredUnknown": "no parameter of that name is used here.",
  "filters.ignoredUnknownNear": "no parameter of that name is used here. If you meant the filter {near}, correct the name.",
  "filters.ignoredParameter": "Ignored link parameter {name}={value}: {reason}",
  "filters.ignoredParameterName": "Ignored link parameter {name}: {reason}",
  "filters.ignoredParametersTitle": "{count, plural, one {A parameter in this link could not be used, so the page is shown without it.} other {# parameters in this link could not be used, so the page is shown without them.}}",
  "filters.ignoredMore": "{count, plural, one {And # more parameter that is not used.} other {And # more parameters that are not used.}}",
  "filters.refusedTitle": "Nothing was downloaded: {count, plural, one {a filter in this link cannot be used.} other {# filters in this link cannot be used.}}",
  "filters.refused": "Filter {name}={value} cannot be used: {reason}",
  "filters.refusedName": "Filter {name} cannot be used: {reason}",
  "filters.refusedParametersTitle": "Nothing was downloaded: {count, plural, one {a parameter in this link cannot be used.} other {# parameters in this link cannot be used.}}",
  "filters.refusedParameter": "Link parameter {name}={value} cannot be used: {reason}",
  "filters.refusedParameterName": "Link parameter {name} cannot be used: {reason}",
};
