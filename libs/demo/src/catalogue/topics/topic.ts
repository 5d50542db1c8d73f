import type { OutcomeForm } from '@jiebang/contracts';

/**
 * One technical indicator template: name, alternative targets separated by `|` (one is chosen per
 * need), and unit (empty when dimensionless or when the unit is part of the target).
 */
export type IndicatorSpec = readonly [name: string, targets: string, unit: string];

/** A technology topic of one industry, from which several distinct needs are composed. */
export interface Topic {
  /** Title pattern; `{}` is replaced by one of the contexts. */
  title: string;
  /** Application contexts or product variants; each (topic, context) pair yields one title. The first is always used. */
  contexts: readonly string[];
  /** Technical keywords; the first two are always kept. */
  keywords: readonly string[];
  /** 3–4 indicator templates; the first is always kept. */
  indicators: readonly IndicatorSpec[];
  outcomes: readonly OutcomeForm[];
  /** One sentence: the technical bottleneck the enterprise faces. */
  problem: string;
  /** A clause starting with a verb: what the solver has to deliver. */
  goal: string;
}
