import {
  DISTRICT_LABELS,
  INDUSTRIES,
  type AwardMode,
  type CooperationMode,
  type Industry,
  type OutcomeForm,
  type TechnicalIndicator,
} from '@jiebang/contracts';
import { sharedBigrams } from './affinity';
import { BATCHES } from './batches';
import { ENTERPRISE_FOCUS, ENTERPRISES } from './enterprises';
import { personName } from './people';
import { hashSeed, Random } from './random';
import { TOPICS, type IndicatorSpec, type Topic } from './topics';
import type { EnterpriseSeed, NeedFields, NeedSeed } from './types';

/** How many needs each industry contributes; 446 in all. */
const QUOTAS: Record<Industry, number> = {
  electronic_information: 58,
  advanced_materials: 56,
  equipment_manufacturing: 56,
  food_beverage: 18,
  new_display: 38,
  nuclear_technology: 32,
  laser_technology: 26,
  pv_storage: 38,
  drones: 28,
  integrated_circuits: 36,
  beidou_navigation: 30,
  biomedicine: 30,
};

/** Bounty scale by industry: chips, displays and nuclear are capital-heavy, food is not. */
const BOUNTY_FACTORS: Record<Industry, number> = {
  electronic_information: 1,
  advanced_materials: 1.1,
  equipment_manufacturing: 1,
  food_beverage: 0.45,
  new_display: 1.4,
  nuclear_technology: 1.5,
  laser_technology: 1,
  pv_storage: 1.2,
  drones: 0.9,
  integrated_circuits: 1.6,
  beidou_navigation: 0.9,
  biomedicine: 1.1,
};

const COOPERATION_WEIGHTS: readonly (readonly [CooperationMode, number])[] = [
  ['development', 36],
  ['joint_rd', 34],
  ['consulting', 12],
  ['transfer', 11],
  ['licence', 7],
];

/** An extra indicator that suits any need of an outcome form. */
const GENERIC_INDICATORS: Record<OutcomeForm, readonly IndicatorSpec[]> = {
  product: [
    ['关键元器件国产化率', '≥90|≥85', '%'],
    ['产品成本较进口同类产品', '降低30%以上', ''],
    ['平均无故障工作时间（MTBF）', '≥5000|≥10000', 'h'],
  ],
  process: [
    ['产品一次合格率', '≥98|≥95', '%'],
    ['单位产品能耗', '降低15%以上', ''],
    ['工艺稳定运行批次', '≥10', '批'],
  ],
  material: [
    ['批次间关键性能波动', '≤3|≤5', '%'],
    ['材料综合成本', '降低20%以上', ''],
  ],
  equipment: [
    ['平均无故障工作时间（MTBF）', '≥2000|≥3000', 'h'],
    ['关键部件国产化率', '≥85|≥90', '%'],
  ],
  software: [
    ['系统可用性', '≥99.9', '%'],
    ['软件著作权', '≥2', '项'],
  ],
  solution: [
    ['申请发明专利', '≥3|≥2', '项'],
    ['形成企业或团体标准', '≥1', '项'],
  ],
};

const QUALIFICATIONS = [
  '国家级专精特新“小巨人”企业',
  '国家高新技术企业',
  '四川省“专精特新”中小企业',
  '省级企业技术中心依托单位',
  '国家科技型中小企业',
  '制造业单项冠军培育企业',
] as const;

/** First half of a background's last sentence. */
const CLOSINGS = [
  '该问题已成为制约企业产品升级和开拓高端市场的主要瓶颈',
  '企业自主攻关多年未能取得实质突破，亟需联合高校院所和创新团队共同解决',
  '下游客户已提出明确的技术要求，而相关产品目前主要依赖进口',
  '该瓶颈直接影响企业新增产能释放',
  '随着市场需求快速增长，这一短板对企业竞争力的影响日益突出',
] as const;

/** Second half of a background's last sentence; `{}` is the need's title. */
const CALLS = [
  '现以“{}”为题面向全国张榜求解。',
  '为此，企业就“{}”面向全国公开张榜。',
  '企业希望以揭榜挂帅方式就“{}”引入外部创新力量。',
] as const;

const SUMMARY_LEADS = ['本需求聚焦', '本榜单围绕', '面向全国征集揭榜团队，围绕', '企业拟联合高校院所，围绕'] as const;

const OUTCOME_TAILS: Record<OutcomeForm, readonly string[]> = {
  product: ['揭榜方需交付可批量生产的样品并通过第三方检测。', '成果需通过下游客户的装机验证。'],
  process: ['成果需在企业现有产线完成中试验证并形成工艺文件。', '揭榜方需驻厂配合完成工艺导入。'],
  material: ['需提供材料配方及制备工艺，并完成小批量试制。', '材料需通过下游用户的应用验证。'],
  equipment: ['需交付工程样机并在企业现场连续稳定运行。', '样机需通过企业组织的现场验收测试。'],
  software: ['需交付可部署的软件系统及源代码，并完成现场联调。', '系统需在企业现场试运行不少于3个月。'],
  solution: ['需提交完整技术方案并申请相关发明专利。', '成果形式为技术方案、专利及技术培训。'],
};

interface Contact {
  name: string;
  phone: string;
}

/** Fixed facts about an enterprise, so that all its needs describe it consistently. */
interface EnterpriseFacts {
  intro: string;
  contacts: readonly [Contact, Contact];
}

/** A (topic, context) pair of an industry with the title it gives. */
export interface NeedDraft {
  industry: Industry;
  topic: Topic;
  context: string;
  title: string;
}

/** Builds the 446 needs of the demo catalogue; identical output on every call. */
export function buildNeeds(): NeedSeed[] {
  const rng = new Random(20230328);
  const facts = new Map(ENTERPRISES.map((enterprise) => [enterprise.key, enterpriseFacts(enterprise)]));
  const needs: NeedFields[] = [];
  for (const industry of INDUSTRIES) {
    const drafts = chooseDrafts(rng, industry, QUOTAS[industry]);
    const owners = assignOwners(rng, industry, drafts);
    drafts.forEach((draft, index) => {
      const owner = owners[index];
      const ownerFacts = facts.get(owner.key);
      if (!ownerFacts) throw new Error(`No facts for ${owner.key}`);
      needs.push(composeNeed(rng, draft, owner, ownerFacts));
    });
  }
  return assignBatches(rng, needs);
}

export function titleOf(topic: Topic, context: string): string {
  return topic.title.includes('{}') ? topic.title.replace('{}', context) : `${context}${topic.title}`;
}

/**
 * Picks `quota` (topic, context) pairs: every topic's first context, then further contexts round by
 * round, so that topics are used evenly and every flagship title is included.
 */
function chooseDrafts(rng: Random, industry: Industry, quota: number): NeedDraft[] {
  const topics = rng.shuffle(TOPICS[industry]).map((topic) => ({
    topic,
    contexts: [topic.contexts[0], ...rng.shuffle(topic.contexts.slice(1))],
  }));
  const rounds = Math.max(...topics.map(({ contexts }) => contexts.length));
  const drafts: NeedDraft[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { topic, contexts } of topics) {
      if (round < contexts.length) {
        drafts.push({ industry, topic, context: contexts[round], title: titleOf(topic, contexts[round]) });
      }
    }
  }
  if (drafts.length < quota) throw new Error(`Not enough topic material for ${industry}`);
  return drafts.slice(0, quota);
}

/** How well an enterprise's focus fits a draft. */
function affinity(focus: string, draft: NeedDraft): number {
  return sharedBigrams(focus, `${draft.title}${draft.topic.keywords.join('')}${draft.topic.problem}`);
}

/**
 * Gives each draft an owner among the enterprises of its industry. First every enterprise whose
 * main industry it is gets one draft, matched greedily by best fit; then the other drafts go to the
 * best fit, with a penalty for enterprises that already have many needs. Enterprises for which the
 * industry is secondary only take drafts that clearly fit them.
 */
function assignOwners(rng: Random, industry: Industry, drafts: readonly NeedDraft[]): EnterpriseSeed[] {
  const candidates = rng.shuffle(ENTERPRISES.filter((enterprise) => enterprise.industries.includes(industry)));
  const isMain = (owner: EnterpriseSeed) => owner.industries[0] === industry;
  const scores = drafts.map((draft) =>
    candidates.map((owner) => affinity(ENTERPRISE_FOCUS.get(owner.key) ?? '', draft)),
  );
  const load = candidates.map(() => 0);
  const assigned: (EnterpriseSeed | undefined)[] = drafts.map(() => undefined);

  const mains = candidates.map((owner, o) => (isMain(owner) ? o : -1)).filter((o) => o >= 0);
  if (mains.length > drafts.length) throw new Error(`More enterprises than needs in ${industry}`);
  const waiting = new Set(mains);
  while (waiting.size > 0) {
    let best: [draft: number, owner: number] = [-1, -1];
    let bestScore = -1;
    for (const o of waiting) {
      drafts.forEach((_, d) => {
        if (assigned[d] === undefined && scores[d][o] > bestScore) {
          best = [d, o];
          bestScore = scores[d][o];
        }
      });
    }
    const [d, o] = best;
    assigned[d] = candidates[o];
    load[o]++;
    waiting.delete(o);
  }

  return drafts.map((_, d) => {
    const owner = assigned[d];
    if (owner) return owner;
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    candidates.forEach((candidate, o) => {
      if (!isMain(candidate) && scores[d][o] < 4) return;
      const value = scores[d][o] + (isMain(candidate) ? 1 : 0) - 1.5 * load[o];
      if (value > bestValue) {
        best = o;
        bestValue = value;
      }
    });
    load[best]++;
    return candidates[best];
  });
}

function enterpriseFacts(enterprise: EnterpriseSeed): EnterpriseFacts {
  const rng = new Random(hashSeed(enterprise.key));
  const focus = ENTERPRISE_FOCUS.get(enterprise.key) ?? '相关产品';
  const qualification = rng.pick(QUALIFICATIONS);
  const district = DISTRICT_LABELS[enterprise.district];
  const scale = rng.pick([
    `2022年营业收入约${rng.int(8, 120) / 10}亿元`,
    `现有员工${rng.int(12, 180) * 10}余人，其中研发人员占比约${rng.int(12, 35)}%`,
    `已建成${rng.int(2, 9)}条自动化生产线，产品配套国内多家头部客户`,
    `年研发投入占营业收入比重超过${rng.int(5, 15)}%`,
  ]);
  const intro = rng.pick([
    `${enterprise.name}成立于${rng.int(1998, 2019)}年，是${qualification}，主要从事${focus}的研发与生产，${scale}。`,
    `${enterprise.name}位于${district}，是${qualification}，深耕${focus}领域多年，${scale}。`,
    `${enterprise.name}是${district}重点培育的${qualification}，主营${focus}，${scale}。`,
  ]);
  return { intro, contacts: [contact(rng), contact(rng)] };
}

function contact(rng: Random): Contact {
  const name = personName(rng);
  const digits = (count: number) => Array.from({ length: count }, () => rng.int(0, 9)).join('');
  // Fictional numbers: landlines in the 555 block, mobiles with a 0000 middle group.
  const phone = rng.chance(0.6)
    ? `0816-555${digits(4)}`
    : `1${rng.pick(['3', '5', '8'])}${rng.int(0, 9)}-0000-${digits(4)}`;
  return { name, phone };
}

/** A need of `owner` on one (topic, context) pair, written as the catalogue's needs are. */
export function composeNeedOn(rng: Random, draft: NeedDraft, owner: EnterpriseSeed): NeedFields {
  return composeNeed(rng, draft, owner, enterpriseFacts(owner));
}

/** How well an enterprise's focus fits a draft, by its name. */
export function ownerFit(owner: EnterpriseSeed, draft: NeedDraft): number {
  return affinity(ENTERPRISE_FOCUS.get(owner.key) ?? '', draft);
}

function composeNeed(rng: Random, draft: NeedDraft, owner: EnterpriseSeed, facts: EnterpriseFacts): NeedFields {
  const { topic, title, industry } = draft;
  const outcomeForm = rng.pick(topic.outcomes);
  const indicators = pickIndicators(rng, topic, outcomeForm);
  const [bountyMin, bountyMax] = pickBounty(rng, industry);
  const awardMode: AwardMode = rng.chance(0.15) ? 'parallel' : 'single';
  const person = rng.chance(0.7) ? facts.contacts[0] : facts.contacts[1];

  const closing = `${rng.pick(CLOSINGS)}，${rng.pick(CALLS).replace('{}', title)}`;
  const tail = rng.chance(0.6) ? rng.pick(OUTCOME_TAILS[outcomeForm]) : '';
  return {
    enterpriseKey: owner.key,
    title,
    summary: `${rng.pick(SUMMARY_LEADS)}${title}，${topic.goal}。${tail}`,
    background: `${facts.intro}${topic.problem}${closing}`,
    indicators,
    outcomeForm,
    industry,
    keywords: pickKeywords(rng, topic),
    district: owner.district,
    bountyMin,
    bountyMax,
    cooperationMode: rng.weighted(COOPERATION_WEIGHTS),
    awardMode,
    awardLeads: awardMode === 'parallel' ? rng.pick([2, 2, 3]) : 1,
    confidentialDetails: confidentialDetails(rng, indicators[0].name),
    contactName: person.name,
    contactPhone: person.phone,
  };
}

function toIndicator(rng: Random, [name, targets, unit]: IndicatorSpec): TechnicalIndicator {
  return { name, target: rng.pick(targets.split('|')), unit };
}

/** 2–5 indicators: the topic's first, some of its others, sometimes one that suits the outcome form. */
function pickIndicators(rng: Random, topic: Topic, outcomeForm: OutcomeForm): TechnicalIndicator[] {
  const [first, ...others] = topic.indicators;
  const count = rng.int(1, Math.min(others.length, 4));
  const specs = [first, ...rng.sample(others, count)];
  if (specs.length < 5 && rng.chance(0.3)) {
    const extra = rng.pick(GENERIC_INDICATORS[outcomeForm]);
    if (!specs.some(([name]) => name === extra[0])) specs.push(extra);
  }
  return specs.map((spec) => toIndicator(rng, spec));
}

/** 3–6 keywords: the topic's first two and some of the others, in their original order. */
function pickKeywords(rng: Random, topic: Topic): string[] {
  const [a, b, ...others] = topic.keywords;
  const count = rng.int(1, Math.min(others.length, 4));
  return [a, b, ...rng.sample(others, count)];
}

function roundBounty(value: number): number {
  const step = value < 100 ? 5 : value < 1000 ? 10 : 50;
  return Math.round(value / step) * step;
}

/** 万元, skewed: most needs between 50 and 500, a few in the thousands. */
function pickBounty(rng: Random, industry: Industry): [number, number] {
  const roll = rng.next();
  const [low, high] = roll < 0.58 ? [25, 250] : roll < 0.86 ? [250, 700] : roll < 0.96 ? [700, 1600] : [1600, 2600];
  const base = Math.exp(rng.float(Math.log(low), Math.log(high))) * BOUNTY_FACTORS[industry];
  const min = roundBounty(Math.min(2500, Math.max(20, base)));
  let max = Math.min(3000, roundBounty(min * rng.float(1.2, 2)));
  if (max <= min) max = min + (min < 100 ? 5 : min < 1000 ? 10 : 50);
  return [min, max];
}

function confidentialDetails(rng: Random, indicator: string): string {
  return rng.pick([
    `企业现有${rng.int(2, 6)}条相关产线，当前一次交检合格率约${rng.int(62, 93)}%，“${indicator}”的内部实测数据、工艺窗口及失效分析报告仅向签署保密协议的揭榜方提供。`,
    `目前在用核心设备为${rng.int(2008, 2019)}年引进的进口产线，关键工艺参数由外方锁定；近${rng.int(6, 30)}批次内部试验中“${indicator}”达标率仅约${rng.int(35, 80)}%。`,
    `前期已与省内某高校合作开展小试，累计投入约${rng.int(8, 60) * 10}万元，“${indicator}”未能稳定达到要求，相关试验记录与配方属企业核心技术秘密。`,
    `下游重点客户已对“${indicator}”提出明确验收要求，现有样品累计送检${rng.int(2, 7)}次未通过，客户名称及预计订单规模需保密。`,
    `企业每年采购相关进口产品及技术服务约${rng.int(5, 120) * 10}万元，攻关成果计划导入${rng.int(1, 5)}号产线，产线布局与成本数据不对外公开。`,
  ]);
}

/** Spreads the needs over the batches at random, so that each batch mixes industries. */
function assignBatches(rng: Random, needs: readonly NeedFields[]): NeedSeed[] {
  const shuffled = rng.shuffle(needs);
  const result: NeedSeed[] = [];
  let offset = 0;
  BATCHES.forEach((batch, index) => {
    for (const need of shuffled.slice(offset, offset + batch.size)) result.push({ ...need, batch: index });
    offset += batch.size;
  });
  if (offset !== shuffled.length) throw new Error(`Batch sizes add up to ${offset}, not ${shuffled.length}`);
  return result;
}
