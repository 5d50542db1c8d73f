import type { Industry } from '@jiebang/contracts';
import { sharedBigrams } from './affinity';
import { addDays } from './dates';
import { titleOf } from './needs';
import { personName } from './people';
import { hashSeed, Random } from './random';
import { TOPICS, type Topic } from './topics';
import type { AchievementSeed, KeyMemberSeed, TeamKind, TeamSeed } from './types';

const EI: Industry = 'electronic_information';
const AM: Industry = 'advanced_materials';
const EM: Industry = 'equipment_manufacturing';
const FB: Industry = 'food_beverage';
const ND: Industry = 'new_display';
const NT: Industry = 'nuclear_technology';
const LT: Industry = 'laser_technology';
const PV: Industry = 'pv_storage';
const DR: Industry = 'drones';
const IC: Industry = 'integrated_circuits';
const BD: Industry = 'beidou_navigation';
const BIO: Industry = 'biomedicine';

/** name, kind, industries (main first), research fields. */
type TeamSpec = readonly [name: string, kind: TeamKind, industries: readonly Industry[], fields: readonly string[]];

/**
 * 40 fictional research teams from universities, institutes and companies around 绵阳 and 四川.
 * The first three keep the names the demo has always had (team-01 … team-03).
 */
const SPECS: readonly TeamSpec[] = [
  ['科技城先进材料研究院（示例）', 'institute', [AM, NT], ['稀土永磁材料', '高温合金冶炼', '核级特种钢材']],
  [
    '川北理工大学智能装备实验室（示例）',
    'university',
    [EM, DR],
    ['工业机器人', '精密减速器', '智能焊接', '无人机飞控'],
  ],
  ['涪江光电技术有限公司（示例）', 'company', [ND, LT], ['Mini LED背光', '激光雷达', '光学膜材']],
  [
    '蜀中理工大学稀土永磁研究中心（示例）',
    'university',
    [AM, EM],
    ['钕铁硼晶界扩散', '高丰度稀土永磁', '钐钴永磁', '永磁电机'],
  ],
  [
    '西蜀科技大学核技术应用研究所（示例）',
    'university',
    [NT, BIO],
    ['辐射探测', '电子加速器辐照', '辐射屏蔽材料', '放射性废物处理'],
  ],
  [
    '巴蜀工业大学集成电路学院（示例）',
    'university',
    [IC, EI],
    ['模拟集成电路设计', '功率半导体器件', '射频芯片', 'MEMS传感器'],
  ],
  [
    '锦江医科大学药学院（示例）',
    'university',
    [BIO],
    ['中药配方颗粒', '原料药绿色合成', '单克隆抗体', '医用高分子材料'],
  ],
  [
    '天府农业大学食品工程学院（示例）',
    'university',
    [FB, BIO],
    ['发酵食品', '果蔬汁非热加工', '农药残留检测', '益生菌发酵'],
  ],
  ['川西工学院激光应用实验室（示例）', 'university', [LT, EM], ['激光焊接', '激光熔覆', '激光清洗', '激光增材制造']],
  [
    '岷江大学光伏储能研究中心（示例）',
    'university',
    [PV, AM],
    ['晶硅太阳电池', '锂离子电池材料', '钠离子电池', '固态电池'],
  ],
  [
    '嘉陵大学卫星导航工程中心（示例）',
    'university',
    [BD, EI],
    ['北斗高精度定位', '组合导航', '抗干扰天线', '时空大数据'],
  ],
  [
    '蜀南理工大学无人机系统研究所（示例）',
    'university',
    [DR, BD],
    ['无人机集群控制', '飞控系统', '感知避障', '抗干扰数据链'],
  ],
  [
    '绵州学院功能材料研究所（示例）',
    'university',
    [AM, PV],
    ['石墨烯导热材料', '软磁铁氧体', '碳纤维复合材料', '硅碳负极'],
  ],
  ['川渝电子科学研究院（示例）', 'institute', [EI, IC], ['毫米波雷达', '射频前端', '高速连接器', '太赫兹通信']],
  [
    '科技城新型显示技术研究院（示例）',
    'institute',
    [ND, IC],
    ['TFT阵列检测', '柔性AMOLED', 'Micro LED', '显示驱动芯片'],
  ],
  [
    '科技城智造产业技术研究院（示例）',
    'institute',
    [EM, EI],
    ['数字孪生', '工业互联网', '重载AGV调度', '五轴加工热误差'],
  ],
  [
    '天府激光技术研究院（示例）',
    'institute',
    [LT, ND],
    ['光纤激光器', '飞秒激光加工', '半导体激光芯片', '激光精密测量'],
  ],
  ['川北精密测控研究所（示例）', 'institute', [EI, BD, LT], ['工业视觉检测', '电磁兼容', '北斗授时', '激光跟踪测量']],
  [
    '科技城同位素与核医学研究院（示例）',
    'institute',
    [NT, BIO],
    ['医用同位素分离', '放射性药物合成', '医用回旋加速器', '加速器中子源'],
  ],
  ['西南特种冶金研究所（示例）', 'institute', [AM, NT], ['特种冶金', '电渣重熔', '热轧扁钢', '钛合金']],
  ['涪城食品发酵研究所（示例）', 'institute', [FB], ['白酒酿造', '泡菜低盐发酵', '丢糟综合利用', '茶叶精深加工']],
  [
    '四川储能材料工程研究院（示例）',
    'institute',
    [PV, AM],
    ['磷酸铁锂', '电池热失控防控', '退役电池梯次利用', '光伏封装胶膜'],
  ],
  ['蜀芯微电子设计有限公司（示例）', 'company', [IC], ['车规级MCU', '电源管理芯片', '高精度ADC']],
  ['星途北斗科技有限公司（示例）', 'company', [BD, DR], ['北斗芯片模组', '北斗短报文', '农机自动驾驶']],
  [
    '云翼无人机系统有限公司（示例）',
    'company',
    [DR, EI],
    ['氢燃料电池无人机', '物流无人机', '植保无人机', '巡检缺陷识别'],
  ],
  ['锂源储能技术有限公司（示例）', 'company', [PV], ['储能电池管理系统', '储能变流器', '电池极片制造']],
  [
    '晶驰半导体装备有限公司（示例）',
    'company',
    [IC, EM],
    ['碳化硅功率模块封装', 'IGBT模块', '芯片自动化测试', '电子化学品提纯'],
  ],
  ['康岳生物技术有限公司（示例）', 'company', [BIO, FB], ['化学发光诊断试剂', '兽用疫苗', '益生菌冻干']],
  ['核源医疗科技有限公司（示例）', 'company', [NT, BIO], ['放射性药物', '工业CT检测', '耐辐照机器人']],
  ['磐石工业软件有限公司（示例）', 'company', [EI, EM], ['工业互联网平台', '边缘计算', '产线虚拟调试']],
  ['朗辉激光科技有限公司（示例）', 'company', [LT, EM], ['万瓦级光纤激光器', '激光切割', '医用激光']],
  ['显界光电材料有限公司（示例）', 'company', [ND, AM], ['偏光片', '量子点色转换膜', '超薄玻璃', '液晶光配向']],
  ['川工精密机械有限公司（示例）', 'company', [EM], ['高速精密轴承', '高压柱塞泵', '钣金数字化成形']],
  ['蜀味食品科技有限公司（示例）', 'company', [FB], ['川味腌腊制品', '米粉工业化生产', '魔芋制品', '菜籽油精准加工']],
  ['天衡电磁兼容技术有限公司（示例）', 'company', [EI], ['电磁兼容正向设计', 'PCB信号完整性', '变频控制算法']],
  ['凌霄航空动力科技有限公司（示例）', 'company', [DR, EM], ['重油活塞发动机', '航空钣金成形', '电驱减速器']],
  ['科技城光伏装备研究中心（示例）', 'institute', [PV, LT], ['TOPCon电池工艺', '异质结电池', '激光掺杂']],
  [
    '蜀光微显示技术有限公司（示例）',
    'company',
    [ND, EI],
    ['Micro LED巨量转移', '金属网格触控', '显示模组全贴合', 'AI画质增强'],
  ],
  ['青城大学电子信息学院（示例）', 'university', [EI, IC, BD], ['5G通信', '雷达信号处理', '芯片设计', '卫星导航']],
  [
    '剑门理工学院先进制造研究院（示例）',
    'university',
    [EM, AM, LT],
    ['智能焊接', '粉末冶金', '激光增材制造', '热管理'],
  ],
];

/** How many achievements a team files: universities and institutes have more on the shelf. */
const ACHIEVEMENT_COUNTS: Record<TeamKind, readonly [min: number, max: number]> = {
  university: [8, 10],
  institute: [7, 9],
  company: [5, 6],
};

const TRL_RANGES: Record<TeamKind, readonly [min: number, max: number]> = {
  university: [3, 7],
  institute: [4, 8],
  company: [5, 9],
};

const LEAD_TITLES: Record<TeamKind, readonly string[]> = {
  university: ['教授', '教授', '研究员'],
  institute: ['研究员', '正高级工程师'],
  company: ['首席技术官', '总工程师', '研发总监'],
};

const MEMBER_TITLES: Record<TeamKind, readonly string[]> = {
  university: ['副教授', '讲师', '博士后', '高级实验师', '副研究员'],
  institute: ['副研究员', '高级工程师', '助理研究员', '工程师'],
  company: ['高级工程师', '研发经理', '工程师', '工艺主管'],
};

const PLATFORMS = ['省级工程技术研究中心', '四川省重点实验室', '省级中试研发平台', '绵阳市重点实验室'] as const;

/** The first team files its profile in early February 2023; one joins every few days after. */
const FIRST_JOINED = '2023-02-06';

/** Builds the 40 demo teams with profiles and achievements; identical output on every call. */
export function buildTeams(): TeamSeed[] {
  const usedTitles = new Set<string>();
  return SPECS.map(([name, kind, industries, fields], index) => {
    const rng = new Random(hashSeed(name));
    const ranked = rankTopics([...industries], fields);
    const keywords = [...new Set(ranked.slice(0, 3).flatMap(({ topic }) => topic.keywords))].slice(0, 10);
    const joinedOn = addDays(FIRST_JOINED, Math.round(index * 3.6));
    return {
      key: `team-${String(index + 1).padStart(2, '0')}`,
      name,
      kind,
      industries: [...industries],
      joinedOn,
      summary: summaryOf(rng, kind, fields, keywords),
      researchFields: [...fields],
      keywords,
      members: membersOf(rng, kind, fields),
      achievements: achievementsOf(rng, kind, ranked, joinedOn, usedTitles),
    };
  });
}

interface RankedTopic {
  topic: Topic;
  industry: Industry;
  score: number;
}

/** The topics of a team's industries, best fit to its research fields first (main industry breaks ties). */
function rankTopics(industries: Industry[], fields: readonly string[]): RankedTopic[] {
  const description = fields.join('、');
  return industries
    .flatMap((industry, order) =>
      TOPICS[industry].map((topic) => ({
        topic,
        industry,
        score:
          sharedBigrams(description, `${topic.title}${topic.contexts.join('')}${topic.keywords.join('')}`) * 2 - order,
      })),
    )
    .sort((a, b) => b.score - a.score);
}

function summaryOf(rng: Random, kind: TeamKind, fields: readonly string[], keywords: readonly string[]): string {
  const areas = fields.join('、');
  const opening = {
    university: `团队长期从事${areas}等方向的研究，近五年承担国家和省部级科研项目${rng.int(8, 30)}项，授权发明专利${rng.int(15, 80)}项，与川内${rng.int(5, 20)}家企业共建联合实验室。`,
    institute: `研究院聚焦${areas}，建有${rng.pick(PLATFORMS)}和中试线${rng.int(1, 4)}条，现有研发人员${rng.int(40, 220)}人，其中高级职称${rng.int(15, 80)}人。`,
    company: `公司是国家高新技术企业，专注于${areas}，拥有省级企业技术中心，研发人员占比约${rng.int(25, 60)}%，技术和产品已服务${rng.int(20, 200)}余家客户。`,
  }[kind];
  return `${opening}主要技术方向包括${keywords.slice(0, 4).join('、')}，可为企业提供从技术攻关、样品试制到中试放大的全链条服务。`;
}

function membersOf(rng: Random, kind: TeamKind, fields: readonly string[]): KeyMemberSeed[] {
  const count = rng.int(3, 5);
  const names = new Set<string>();
  while (names.size < count) names.add(personName(rng));
  return [...names].map((name, index) => ({
    name,
    title: index === 0 ? rng.pick(LEAD_TITLES[kind]) : rng.pick(MEMBER_TITLES[kind]),
    expertise: fields[index % fields.length],
  }));
}

/** Turns a need-style title into what a finished piece of research is called. */
function achievementTitle(rng: Random, title: string): string {
  const stem = title.replace(/(攻关|国产化开发|开发|研制|研究|设计)$/, '');
  if (stem.endsWith('技术')) return `${stem}${rng.pick(['及应用', '及产业化', '研究与应用'])}`;
  if (/(工艺|方法)$/.test(stem)) return `${stem}${rng.pick(['研究与应用', '优化及产业化', '及示范应用'])}`;
  if (/(系统|装备|设备|平台|终端|模块|机器人|器|机|源)$/.test(stem)) {
    return `${stem}${rng.pick(['研制及应用', '关键技术', '研制与示范应用'])}`;
  }
  return `${stem}${rng.pick(['关键技术', '关键技术及应用', '关键技术研究'])}`;
}

/** A fictional Chinese patent number: ZL, filing year, type (1 invention, 2 utility model), serial, check digit. */
function patentNumber(rng: Random, year: number): string {
  return `ZL${year}${rng.pick(['1', '1', '2'])}${rng.int(1_000_000, 9_999_999)}.${rng.int(0, 9)}`;
}

/**
 * Achievements from the team's best-fitting topics first, one application context each, then
 * further contexts round by round; a title another team already holds is skipped.
 */
function achievementsOf(
  rng: Random,
  kind: TeamKind,
  ranked: readonly RankedTopic[],
  joinedOn: string,
  usedTitles: Set<string>,
): AchievementSeed[] {
  const [min, max] = ACHIEVEMENT_COUNTS[kind];
  const count = rng.int(min, max);
  const contexts = ranked.map(({ topic }) => rng.shuffle(topic.contexts));
  const achievements: AchievementSeed[] = [];
  for (let round = 0; achievements.length < count; round++) {
    if (contexts.every((list) => round >= list.length)) throw new Error('Not enough topics for the achievements');
    ranked.forEach(({ topic, industry }, t) => {
      const context = contexts[t][round];
      if (achievements.length >= count || context === undefined) return;
      const title = achievementTitle(rng, titleOf(topic, context));
      if (usedTitles.has(title)) return;
      usedTitles.add(title);
      const year = rng.int(2016, 2023);
      const [low, high] = TRL_RANGES[kind];
      const trl = rng.int(low, high);
      const patents = new Set<string>();
      const patentCount = trl >= 4 ? rng.int(1, 3) : 0;
      while (patents.size < patentCount) patents.add(patentNumber(rng, rng.int(Math.max(2014, year - 3), year)));
      achievements.push({
        title,
        year,
        trl,
        patents: [...patents],
        industry,
        collectedOn: addDays(joinedOn, achievements.length + 1),
      });
    });
  }
  return achievements;
}
