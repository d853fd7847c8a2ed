import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import type { ActionState } from "@/lib/actions/define-action";
import type { Translate } from "@/lib/i18n/server";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The record the act is about; `confirm: "yes"` is added (the fold is the asking). */
  hidden?: Record<string, string | number>;
  /** What the act needs typed again (a password and a code to turn two-factor off); the button stays last. */
  fields?: FieldSpec[];
  /** Its success sentence, when the page says one. */
  messages?: FormMessages;
  /** What opens the fold: the act ("Remove from the organisation…"). */
  summary: string;
  /** Who goes and what is lost, said above the button. */
  what: string;
  /** The button: the act with its object ("Remove Hana Sato"). */
  confirmLabel: string;
  className?: string;
  /** In a table's cell: the smaller type of its row. */
  compact?: boolean;
  /** The fold's test id; the form's is `${testId}-form`. */
  testId: string;
  t: Translate;
}

/**
 * An act that cannot be undone (removing a member or a client, closing a client's portal, turning two-factor sign-in
 * off, revoking an API token), asked rather than done on one click (probe 43, finding 2; decisions 089, 096): folded
 * away under its name, it says who goes and what is lost, and its button names them again. A native <details>
 * (ActionForm's fold), so it opens by keyboard and without JavaScript.
 */
export function DangerFold({ action, hidden = {}, fields, messages, summary, what, confirmLabel, className, compact = false, testId, t }: Props) {
  const size = compact ? "text-xs" : "text-sm";
  return (
    <ActionForm
      action={action}
      hidden={{ ...hidden, confirm: "yes" }}
      fields={fields}
      messages={messages}
      submitLabel={confirmLabel}
      pendingLabel={t("form.saving")}
      variant="danger"
      inline={!fields?.length}
      testId={`${testId}-form`}
      fold={{
        summary,
        summaryClassName: `cursor-pointer ${size} text-red-800`,
        className,
        testId,
        intro: <p className={`my-2 ${compact ? "max-w-sm" : "max-w-xl"} ${size}`}>{what}</p>,
      }}
    />
  );
}
