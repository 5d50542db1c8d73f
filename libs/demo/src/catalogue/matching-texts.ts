import type { ConversionKind, District, FeedbackCategory, OutcomeForm } from '@jiebang/contracts';

/** The Chinese wording of the matching story: proposals, feedback, advisors' notes. `{x}` are filled in. */

export const APPROACH_METHODS = [
  '“机理研究—仿真优化—样品验证”三步走',
  '产学研联合攻关、小试中试逐级放大',
  '数字化设计与试验验证相结合',
  '理论建模、关键工艺攻关与工程化验证并行推进',
] as const;

export const APPROACH_STEPS: Record<OutcomeForm, string> = {
  product:
    '一是开展失效机理分析，明确影响性能的关键因素；二是完成产品方案设计与仿真验证；三是联合企业完成样品试制、第三方检测和客户装机验证',
  process:
    '一是对现有工艺开展全流程诊断，锁定关键工艺窗口；二是在实验线完成新工艺小试验证；三是驻厂完成产线中试并固化工艺文件',
  material:
    '一是通过成分设计与组织调控建立材料配方；二是完成实验室小样制备与性能表征；三是联合企业完成小批量试制和下游应用验证',
  equipment:
    '一是完成整机总体方案与关键部件选型；二是研制核心部件并完成台架试验；三是集成工程样机并在企业现场开展连续运行考核',
  software: '一是梳理业务流程与数据接口，完成系统架构设计；二是开发核心算法与功能模块；三是在企业现场部署联调并试运行',
  solution:
    '一是开展现状调研和国内外技术对标；二是完成关键技术验证并形成技术方案；三是申请发明专利、编制标准草案并开展技术培训',
};

export const APPROACH_CLOSINGS = [
  '可在合同期内完成全部指标验证并协助企业实现产业化。',
  '承诺驻厂配合企业完成成果导入，并提供两年技术支持。',
  '将组建由企业工程师共同参与的联合攻关组，确保成果在企业产线落地。',
] as const;

export const INDICATOR_RESPONSES = [
  '承诺{target}，前期样品实测数据已接近该指标',
  '目标{target}，拟通过工艺参数优化和批次验证予以保证',
  '{target}，以第三方检测报告作为验收依据',
  '可满足{target}的要求，现有成果的中试数据可支撑',
] as const;

export const MILESTONE_TITLES: Record<OutcomeForm, readonly [string, string, string, string]> = {
  product: ['完成产品方案设计与评审', '完成样品试制与性能测试', '完成小批量试产与第三方检测', '完成客户装机验证与验收'],
  process: ['完成工艺路线设计与评审', '完成小试工艺验证', '完成产线中试验证', '形成工艺文件并通过验收'],
  material: ['完成材料配方设计', '完成实验室小样制备与表征', '完成小批量试制', '完成下游应用验证与验收'],
  equipment: ['完成总体方案与详细设计', '完成关键部件研制', '完成工程样机集成调试', '完成现场运行考核与验收'],
  software: ['完成需求分析与系统设计', '完成核心算法与模块开发', '完成现场部署与联调', '完成试运行并通过验收'],
  solution: ['完成现状调研与技术方案', '完成关键技术验证', '完成专利申请与标准草案', '完成技术培训并通过验收'],
};

/** A deliverable that goes with the milestone report, by outcome form. */
export const EXTRA_DELIVERABLES: Record<OutcomeForm, string> = {
  product: '第三方检测报告',
  process: '工艺文件',
  material: '材料性能检测报告',
  equipment: '样机运行记录',
  software: '源代码及部署文档',
  solution: '专利申请受理通知书',
};

export const MEMBER_ROLES = ['项目负责人', '技术负责人', '技术骨干', '工艺工程师', '测试验证'] as const;

export const FEEDBACK_TEXTS: Record<FeedbackCategory, readonly string[]> = {
  technical_route: [
    '技术路线总体可行，但关键工艺的工程化验证数据不足，难以保证按期达到“{indicator}”指标。',
    '方案对“{indicator}”的实现路径论证不充分，与企业现有产线的兼容性存在较大风险。',
  ],
  team_capability: [
    '团队在该领域的工程化经验相对不足，缺少中试放大条件。',
    '团队相关成果尚处于实验室阶段，与需求要求的技术成熟度有差距。',
  ],
  cost: [
    '经费报价{budget}万元，高于榜单上限{bountyMax}万元，且未说明超出部分的必要性。',
    '报价{budget}万元超出企业预算，设备购置费占比过高，经费结构与合作预期不符。',
  ],
  timeline: [
    '研发周期{months}个月，长于企业产品导入计划的要求。',
    '里程碑安排较为靠后，{months}个月的周期无法满足下游客户的验证节点。',
  ],
  other: ['综合评审得分排名靠后，欢迎团队继续关注后续榜单。', '双方在知识产权归属和成果收益分配上未能达成一致。'],
};

export const REJECTION_REASONS = [
  '提交的样品第三方检测报告缺少低温循环数据，请补充后重新提交。',
  '交付物未包含约定的工艺文件，关键参数窗口说明不完整，请完善后重新提交。',
] as const;

/** Notes on an introduction before a team bid: `{team}`, `{owner}`, `{need}`, `{field}`, `{indicator}`. */
export const BID_MATCHMAKING_NOTES = {
  introduction: {
    intent:
      '经顾问引荐，{team}与{owner}就“{need}”开展技术交流，团队介绍了{field}方向的研究基础，企业认可其技术路线，建议团队揭榜申报。',
    follow_up: '为{owner}引荐{team}，双方初步交流了“{need}”的应用场景，团队需补充前期验证数据后再与企业深入沟通。',
  },
  meeting: {
    intent: '组织{owner}与{team}召开需求对接会，双方就“{indicator}”等关键指标逐项沟通，团队表示将组织力量揭榜。',
    follow_up: '组织{team}参加{owner}“{need}”专题对接会，企业介绍了现有工艺和验收要求，团队将评估后决定是否揭榜。',
  },
} as const;

/** Notes on a team that looked at a need without bidding. */
export const SCOUTING_NOTES = {
  visit: {
    no_fit: '陪同{team}赴{owner}现场调研“{need}”，团队现有研究方向与企业的工程化要求差距较大，双方同意暂不推进。',
    follow_up: '走访{owner}，向企业推荐{team}在{field}方向的研究力量，企业希望先获取团队的测试数据，持续跟进。',
  },
  meeting: {
    no_fit: '组织{team}与{owner}线上对接“{need}”，企业关注的“{indicator}”超出团队现有技术积累，暂不匹配。',
    follow_up: '组织{owner}与{team}座谈，围绕“{need}”交流了{field}方向的合作可能，约定下一步到团队实验室考察。',
  },
} as const;

/** Notes on an achievement offered for a need: also `{achievement}`. */
export const ACHIEVEMENT_FOR_NEED_NOTES = {
  agreement:
    '将{team}的“{achievement}”成果推荐给{owner}，用于解决“{need}”中的技术瓶颈，经两轮技术洽谈，双方就成果转化方式和费用达成一致。',
  intent:
    '组织{owner}考察{team}“{achievement}”成果的中试线，企业认为该成果可部分满足“{need}”的要求，初步形成合作意向。',
  follow_up: '向{owner}推介{team}的“{achievement}”成果，企业将结合“{need}”的指标要求内部评估后再行对接。',
} as const;

/** Notes on an achievement offered to an enterprise outside any need: `{enterprise}`, `{event}`. */
export const ACHIEVEMENT_NOTES = {
  roadshow: {
    agreement:
      '在{event}上组织{team}路演“{achievement}”成果，{enterprise}现场表达合作意愿，会后双方就转化方式达成一致。',
    intent: '在{event}上推介{team}的“{achievement}”成果，{enterprise}表示有意向合作，后续安排实地考察。',
    follow_up: '在{event}上发布{team}的“{achievement}”成果，{enterprise}索取了技术资料，持续跟进。',
    no_fit: '在{event}上推介“{achievement}”成果，{enterprise}现阶段无相关产品规划，暂不匹配。',
  },
  visit: {
    agreement: '陪同{team}走访{enterprise}，推介“{achievement}”成果，企业决定引进该成果并签订合作协议。',
    intent: '陪同{team}走访{enterprise}，企业对“{achievement}”成果的应用前景较为认可，形成初步合作意向。',
    follow_up: '走访{enterprise}时推介{team}的“{achievement}”成果，企业需进一步评估产线适配性。',
    no_fit: '走访{enterprise}推介“{achievement}”成果，企业认为该成果与其产品路线不符，暂不匹配。',
  },
  introduction: {
    agreement: '为{enterprise}引荐{team}的“{achievement}”成果，经多轮洽谈，双方签订成果转化协议。',
    intent: '为{enterprise}引荐{team}，双方就“{achievement}”成果的转化方式初步达成意向。',
    follow_up: '向{enterprise}引荐{team}的“{achievement}”成果，双方已互换技术资料，持续跟进。',
    no_fit: '向{enterprise}引荐“{achievement}”成果，企业对投入产出比存疑，暂不匹配。',
  },
} as const;

export const ROADSHOW_EVENTS = [
  '科技城新区科创服务中心成果路演',
  '绵阳高新区创新街区成果对接会',
  '川渝科技成果转化路演（绵阳站）',
  '“科技成果进园区”对接活动',
  '先进制造业集群技术成果发布会',
] as const;

export const MILESTONE_NOTE = '已按计划完成本阶段工作，详见交付物。';

export const CONVERSION_TITLE_SUFFIXES: Record<ConversionKind, string> = {
  transfer: '技术转让',
  licence: '技术许可',
  joint_development: '合作开发',
  spin_off: '作价入股',
};

/** Administrative division codes, the prefix of a technology contract's registration number. */
export const DISTRICT_CODES: Record<District, string> = {
  fucheng: '510703',
  youxian: '510704',
  anzhou: '510705',
  jiangyou: '510781',
  santai: '510722',
  yanting: '510723',
  zitong: '510725',
  beichuan: '510726',
  pingwu: '510727',
  high_tech_zone: '510703',
  economic_zone: '510703',
  science_city_new_zone: '510704',
  xianhai: '510704',
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for {${name}} in “${template}”`);
    return String(values[name]);
  });
}
