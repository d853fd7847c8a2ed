import { NotFoundMessage } from "@/components/not-found-message";

// An unknown address outside the signed-in layout: this page is the whole document, so it has the <main>.
export default function NotFound() {
  return (
    <main>
      <NotFoundMessage />
    </main>
  );
}
