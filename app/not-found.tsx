import { NotFoundMessage } from "@/components/not-found-message";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("notFound.title");

// An unknown address outside the signed-in layout: this page is the whole document, so it has the <main>.
export default function NotFound() {
  return (
    <main>
      <NotFoundMessage />
    </main>
  );
}
