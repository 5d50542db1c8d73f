/** A class-transformer `@Transform` for list query parameters: accepts `a,b`, repeated parameters, or one value. */
export const queryList = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.flatMap((v) => String(v).split(','))
    : typeof value === 'string'
      ? value.split(',')
      : value;
