// Input hardening (issue 18): what a reader is told when a value holds control characters, a document
// is nested too deep or names a prototype, or a request body is larger than the app accepts.
export const ja = {
  "importError.controlChar": "制御文字（NUL、改行、文字の向きを変える記号など）は使えません。",
  "importError.tooDeep": "入れ子が深すぎます（{max}段まで）。",
  "importError.forbiddenKey": "キー「{key}」は使えません。",
  "error.TOO_LARGE": "送信された内容が大きすぎます（{mb} MBまで）。",
  "error.UNEXPECTED": "完了できませんでした。しばらくしてからもう一度お試しください。",
} as const;

export const en: Record<keyof typeof ja, string> = {
  "importError.controlChar": "control characters (such as NUL, line breaks or text-direction overrides) are not allowed.",
  "importError.tooDeep": "nested too deeply (at most {max} levels).",
  "importError.forbiddenKey": "the key \"{key}\" is not allowed.",
  "error.TOO_LARGE": "What was sent is too large (at most {mb} MB).",
  "error.UNEXPECTED": "This could not be completed. Please try again in a moment.",
};
