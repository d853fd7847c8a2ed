// The real "server-only" throws outside React Server Components; tests run lib/db directly.
export {};
