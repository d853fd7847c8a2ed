// The validation area as the catalogue takes every area (`ja`, `en`); see ./ja.ts for why it is two files.
export { ja } from "./ja";
export { en } from "./en";
