/** Money in 万元 as PostgreSQL's numeric comes back (a string) made a number. */
export const numeric = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
