import { ActionForm } from "@/components/action-form";
import type { ActionState } from "@/lib/actions/define-action";
import type { Translate } from "@/lib/i18n/server";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The record the act is about; `confirm: "yes"` is added (the fold is the asking). */
  hidden: Record<string, string>;
  /** What opens the fold: the act ("Remove from the organisation"). */
  summary: string;
  /** Who goes and what is lost, said above the button. */
  what: string;
  /** The button: the act with its object ("Remove Hana Sato"). */
  confirmLabel: string;
  className: string;
  /** The fold's test id; the form's is `${testId}-form`. */
  testId: string;
  t: Translate;
}

/**
 * An act on /members that cannot be undone (removing a member, closing a client's portal), asked rather than done on
 * one click (probe 43, finding 2; decision 089): folded away under its name, it says who goes and what is lost, and
 * its button names them again. A native <details> (ActionForm's fold), so it opens by keyboard and without JavaScript.
 */
export function DangerFold({ action, hidden, summary, what, confirmLabel, className, testId, t }: Props) {
  return (
    <ActionForm
      action={action}
      hidden={{ ...hidden, confirm: "yes" }}
      submitLabel={confirmLabel}
      pendingLabel={t("form.saving")}
      variant="danger"
      inline
      testId={`${testId}-form`}
      fold={{
        summary,
        summaryClassName: "cursor-pointer text-sm text-red-800",
        className,
        testId,
        intro: <p className="my-2 max-w-xl text-sm">{what}</p>,
      }}
    />
  );
}
