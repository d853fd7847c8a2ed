import { redirect } from "next/navigation";

// The portfolio overview arrives with the dashboard issue; until then the accounts list is home.
export default function HomePage() {
  redirect("/accounts");
}
