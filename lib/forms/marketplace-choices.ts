// The account form's region select and marketplace checkboxes offer codes, the same in every language, from
// constants the browser has too. The account page's editor is built in the browser when opened (decision 044),
// so its description travels without them (~40 choice objects in every request's flight payload) and the
// browser puts them back: one list here for the server-built forms (the add-account page) and the browser.
import { MARKETPLACES, REGION_MARKETPLACES, REGIONS } from "@/lib/validation/marketplaces";

interface Choice { value: string; label: string }
interface ChoiceField {
  name: string;
  options?: Choice[];
  presets?: { field: string; values: Record<string, string[]> };
}

export const regionChoices = (): Choice[] => REGIONS.map((r) => ({ value: r, label: r }));
/** Choosing a region ticks its marketplaces (North America and Europe are one account each). */
export const regionPresets = () => ({ field: "marketplaces", values: Object.fromEntries(Object.entries(REGION_MARKETPLACES).map(([r, m]) => [r, [...m]])) });
export const marketplaceChoices = (): Choice[] => MARKETPLACES.map((m) => ({ value: m, label: m }));

/** The fields as sent: the region's and the marketplaces' choices left out (the browser adds them back). */
export function withoutMarketplaceChoices<F extends ChoiceField>(fields: readonly F[]): F[] {
  return fields.map((field) => {
    if (field.name === "region") {
      const { options: _options, presets: _presets, ...rest } = field;
      return rest as F;
    }
    if (field.name === "marketplaces") {
      const { options: _options, ...rest } = field;
      return rest as F;
    }
    return field;
  });
}

/** The fields as the form shows them: the region's and the marketplaces' choices put back. */
export function withMarketplaceChoices<F extends ChoiceField>(fields: readonly F[]): F[] {
  return fields.map((field) => {
    if (field.name === "region") return { ...field, options: regionChoices(), presets: regionPresets() };
    if (field.name === "marketplaces") return { ...field, options: marketplaceChoices() };
    return field;
  });
}
