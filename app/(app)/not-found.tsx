import { NotFoundMessage } from "@/components/not-found-message";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("notFound.title");

// notFound() from a signed-in page: rendered inside the layout's <main>, so no second one here.
export default function NotFound() {
  return <NotFoundMessage />;
}
