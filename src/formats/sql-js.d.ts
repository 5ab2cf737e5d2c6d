// sql.js ships no type declarations; this is the one call exportApkg makes (see apkg.ts).
declare module 'sql.js' {
  const initSqlJs: (config?: Record<string, unknown>) => Promise<unknown>;
  export default initSqlJs;
}
