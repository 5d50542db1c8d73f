/**
 * Builds Meilisearch filter expressions from typed, already-validated values. Only the
 * attributes listed here can appear, and every string is quoted and escaped, so no user text
 * ever becomes filter syntax.
 */
const ATTRIBUTES = [
  'industry',
  'district',
  'cooperationMode',
  'status',
  'batchId',
  'id',
  'bountyMin',
  'bountyMax',
  'bidDeadlineTs',
  'publishedAtTs',
  'visible',
] as const;
export type FilterAttribute = (typeof ATTRIBUTES)[number];

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function attribute(name: FilterAttribute): string {
  if (!(ATTRIBUTES as readonly string[]).includes(name)) throw new Error(`${String(name)} is not filterable`);
  return name;
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  return String(value);
}

export class FilterBuilder {
  private readonly clauses: string[] = [];

  /** attribute IN [values]; no clause for an empty list. */
  oneOf(name: FilterAttribute, values: readonly string[] | undefined): this {
    if (values && values.length > 0) this.clauses.push(`${attribute(name)} IN [${values.map(quote).join(', ')}]`);
    return this;
  }

  equals(name: FilterAttribute, value: string | boolean | undefined): this {
    if (value !== undefined)
      this.clauses.push(`${attribute(name)} = ${typeof value === 'boolean' ? String(value) : quote(value)}`);
    return this;
  }

  atLeast(name: FilterAttribute, value: number | undefined): this {
    if (value !== undefined) this.clauses.push(`${attribute(name)} >= ${number(value)}`);
    return this;
  }

  atMost(name: FilterAttribute, value: number | undefined): this {
    if (value !== undefined) this.clauses.push(`${attribute(name)} <= ${number(value)}`);
    return this;
  }

  /** A pre-built group from this builder's own methods, joined with OR. */
  anyOf(groups: FilterBuilder[]): this {
    const parts = groups.map((group) => group.build()).filter((part): part is string => part !== undefined);
    if (parts.length > 0) this.clauses.push(`(${parts.map((part) => `(${part})`).join(' OR ')})`);
    return this;
  }

  build(): string | undefined {
    return this.clauses.length > 0 ? this.clauses.join(' AND ') : undefined;
  }
}
