import { NotFoundMessage } from "@/components/not-found-message";

// notFound() from a signed-in page: rendered inside the layout's <main>, so no second one here.
export default function NotFound() {
  return <NotFoundMessage />;
}
