/** Name of a value's type as violations report it: `typeof`, with `null` and `array` told apart from objects. */
export function valueTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
