/**
 * Strict readers of one stored row's columns, for the row decoders of both formats: anything that
 * is not exactly what a store writes calls `fail` with the column and what is wrong with it.
 */
export function columnReader(row: Record<string, unknown>, fail: (problem: string) => never) {
  const text = (column: string): string => {
    const value = row[column];
    return typeof value === 'string' ? value : fail(`${column} is not text`);
  };
  return {
    text,
    optionalText: (column: string): string | null => (row[column] === null ? null : text(column)),
    json: (column: string): unknown => {
      const value = text(column);
      try {
        return JSON.parse(value);
      } catch {
        return fail(`${column} is not JSON`);
      }
    },
  };
}
