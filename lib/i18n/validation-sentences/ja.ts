// One language's "validation.*" sentences as their own chunk, loaded by the browser with the forms' schemas
// (lib/forms/validation-sentences.ts): only the reader's language is fetched, never the other.
export { ja as sentences } from "../messages/validation";
