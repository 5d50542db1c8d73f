import type { District, Industry } from '@jiebang/contracts';
import type { EnterpriseSeed } from './types';

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

/** brand (invented), business part of the name, district, industries (main first), what it makes. */
type EnterpriseSpec = readonly [
  brand: string,
  business: string,
  district: District,
  industries: readonly Industry[],
  focus: string,
];

/** 150 fictional enterprises. Any resemblance to a real company is unintended. */
const SPECS: readonly EnterpriseSpec[] = [
  // 电子信息
  ['讯澜', '电子科技', 'high_tech_zone', [EI, IC], '智能终端主板与射频模组'],
  ['联湃', '连接技术', 'economic_zone', [EI, EM], '高速连接器与线缆组件'],
  ['睿曜', '智能科技', 'high_tech_zone', [EI, ND], '智能电视整机与画质算法'],
  ['频拓', '微波技术', 'youxian', [EI, BD], '微波射频组件与天线'],
  ['澄讯', '通信技术', 'science_city_new_zone', [EI], '5G小基站与专网通信设备'],
  ['珑链', '工业互联网科技', 'high_tech_zone', [EI], '工业互联网平台与边缘计算网关'],
  ['沐频', '电子元件', 'fucheng', [EI], '片式多层陶瓷电容器等电子元器件'],
  ['铎联', '精密连接器', 'economic_zone', [EI, EM], '新能源汽车高压连接器与线束'],
  ['曜川', '雷达技术', 'youxian', [EI, DR], '二次雷达、毫米波雷达与空管监视设备'],
  ['澈瑞', '智能家电科技', 'economic_zone', [EI], '变频家电控制器与智能家电'],
  ['拓晖', '电路科技', 'anzhou', [EI], '高多层印制电路板'],
  ['熠联', '视觉科技', 'high_tech_zone', [EI, LT], '工业机器视觉检测设备'],
  ['涪讯', '信息技术', 'fucheng', [EI], '工业软件与数据采集系统'],
  ['岚桥', '电子科技', 'xianhai', [EI], '电子产品电磁兼容测试与整改服务'],
  ['启越', '电气科技', 'jiangyou', [EI, EM], '工业变频器与电气控制设备'],
  ['翊频', '射频技术', 'science_city_new_zone', [EI, IC], '太赫兹与毫米波射频器件'],
  ['微澈', '电磁兼容技术', 'youxian', [EI], '车载电子与医疗电子的电磁兼容设计'],
  ['鸿弈', '智能终端', 'santai', [EI], '商用显示终端与智能电表'],
  // 先进材料
  ['磁晟', '新材料科技', 'high_tech_zone', [AM], '高性能烧结钕铁硼永磁材料'],
  ['钜磁', '稀土永磁材料', 'economic_zone', [AM, EM], '钕铁硼磁体与永磁电机转子组件'],
  ['锐钕', '磁业', 'anzhou', [AM], '烧结钕铁硼与高丰度稀土永磁体'],
  ['冶铮', '特种合金', 'jiangyou', [AM], '高温合金与精密合金冶炼'],
  ['锻宸', '特钢', 'jiangyou', [AM, NT], '核电用热轧扁钢与特种钢材'],
  ['钛岳', '钛业', 'jiangyou', [AM, BIO], '钛及钛合金棒材与锻件'],
  ['晶铄', '软磁材料', 'youxian', [AM, EI], '锰锌铁氧体等软磁磁性材料'],
  ['纳韧', '非晶科技', 'fucheng', [AM], '非晶、纳米晶软磁带材与磁芯'],
  ['碳峰', '复合材料', 'science_city_new_zone', [AM, DR], '碳纤维复合材料结构件'],
  ['稀源', '稀土材料', 'beichuan', [AM], '高纯稀土金属与合金'],
  ['玻宁', '特种玻纤', 'anzhou', [AM], '低介电玻璃纤维与电子布'],
  ['墨烁', '石墨烯科技', 'science_city_new_zone', [AM], '石墨烯导热膜与热管理材料'],
  ['铸祺', '粉末冶金', 'economic_zone', [AM, EM], '粉末冶金汽车零部件'],
  ['钐杰', '磁电科技', 'high_tech_zone', [AM], '钐钴永磁体与磁性组件'],
  ['铄成', '冶金材料', 'jiangyou', [AM], '轴承钢、齿轮钢等特种钢冶炼'],
  ['恒钕', '新材料', 'pingwu', [AM], '稀土永磁材料与磁性器件'],
  ['锆盛', '高纯材料', 'beichuan', [AM, NT], '高纯金属与核级材料'],
  ['炼川', '合金科技', 'jiangyou', [AM], '特种冶金与高温合金铸锭'],
  // 装备制造
  ['擎驰', '精工科技', 'high_tech_zone', [EM], '发动机VVT系统与汽车精密零部件'],
  ['骋远', '汽车零部件', 'economic_zone', [EM], '新能源汽车电子水泵与热管理零部件'],
  ['澎驱', '电驱科技', 'economic_zone', [EM, PV], '新能源汽车电驱动总成与减速器'],
  ['精拓', '传动', 'anzhou', [EM], '工业机器人精密减速器'],
  ['锋铣', '数控机床', 'fucheng', [EM], '五轴联动加工中心与数控机床'],
  ['沛力', '液压', 'anzhou', [EM], '高压柱塞泵与液压系统'],
  ['翎航', '航空部件', 'youxian', [EM, AM], '民用飞机钣金件与航空结构件'],
  ['途骏', '智能物流装备', 'economic_zone', [EM], '重载AGV与智能仓储物流系统'],
  ['焊晟', '机器人', 'high_tech_zone', [EM, LT], '焊接机器人与自动化焊接工作站'],
  ['精玑', '轴承', 'jiangyou', [EM], '高速精密轴承'],
  ['清岚', '环保装备', 'santai', [EM], 'VOCs废气治理与环保装备'],
  ['凌涡', '压缩机', 'economic_zone', [EM], '涡旋压缩机与热泵核心部件'],
  ['数擎', '智能制造', 'science_city_new_zone', [EM, EI], '产线数字孪生与智能制造系统集成'],
  ['沃驰', '动力科技', 'anzhou', [EM], '汽车发动机与电驱系统零部件'],
  ['泓钧', '重工', 'jiangyou', [EM], '大型结构件焊接与重型装备'],
  ['坚朴', '机械', 'yanting', [EM], '农业机械液压件与传动部件'],
  ['鼎擎', '装备制造', 'xianhai', [EM], '数控加工与自动化产线装备'],
  ['澍川', '流体机械', 'zitong', [EM], '压缩机与流体机械'],
  // 新型显示
  ['晶璨', '光电', 'economic_zone', [ND], '8.6代TFT-LCD面板检测与制程配套'],
  ['视朗', '显示技术', 'high_tech_zone', [ND, EI], '柔性AMOLED面板制程工艺'],
  ['屏锐', '显示科技', 'economic_zone', [ND], 'Mini LED背光模组与液晶显示模组'],
  ['微晞', '光电', 'science_city_new_zone', [ND], 'Micro LED显示器件'],
  ['光翎', '光学材料', 'economic_zone', [ND, AM], '偏光片与光学膜材料'],
  ['量彩', '新材料', 'high_tech_zone', [ND, AM], '量子点光转换材料'],
  ['触灵', '触控科技', 'fucheng', [ND], '金属网格触控传感器与触控模组'],
  ['璃臻', '玻璃科技', 'anzhou', [ND, AM], '超薄玻璃与显示盖板'],
  ['映臻', '显示模组', 'economic_zone', [ND], '车载与工控显示模组全贴合'],
  ['净晖', '电子化学品', 'economic_zone', [ND, IC], '面板与半导体湿法化学品回收'],
  ['辉煦', '光电科技', 'youxian', [ND], 'TFT-LCD液晶面板制程材料'],
  ['彩然', '显示材料', 'xianhai', [ND], '显示用光学膜与功能材料'],
  // 集成电路
  ['芯嵘', '微电子', 'high_tech_zone', [IC], '车规级MCU芯片设计'],
  ['芯澜', '半导体', 'science_city_new_zone', [IC, EI], '射频与混合信号芯片设计'],
  ['硅衡', '功率半导体', 'economic_zone', [IC, PV], 'SiC与IGBT功率模块'],
  ['矽驰', '集成电路', 'high_tech_zone', [IC], '电源管理与模拟芯片'],
  ['芯湃', '射频科技', 'high_tech_zone', [IC, EI], '射频前端芯片与模组'],
  ['铠晶', '封装测试', 'economic_zone', [IC], '系统级封装（SiP）与芯片测试'],
  ['衡芯', '模拟芯片', 'fucheng', [IC], '高精度ADC与信号链芯片'],
  ['测晟', '半导体测试', 'science_city_new_zone', [IC], '芯片自动化测试方案与测试服务'],
  ['感微', '传感技术', 'youxian', [IC], 'MEMS传感器芯片'],
  ['纯熠', '电子材料', 'anzhou', [IC, AM], '电子级湿化学品提纯'],
  ['晞驱', '微电子', 'high_tech_zone', [IC, ND], '显示驱动芯片设计'],
  // 核技术应用
  ['核澄', '同位素', 'youxian', [NT, BIO], '医用同位素分离纯化与放射性药物原料'],
  ['束源', '加速器', 'science_city_new_zone', [NT, BIO], '医用回旋加速器与粒子加速器'],
  ['辐晟', '辐照技术', 'youxian', [NT], '电子加速器辐照加工服务'],
  ['核翎', '医药', 'high_tech_zone', [NT, BIO], '放射性药物合成与核医学配套'],
  ['谱衡', '核仪器', 'youxian', [NT], '辐射探测器与核仪器仪表'],
  ['透微', '检测技术', 'fucheng', [NT, EM], '工业CT与射线无损检测'],
  ['核驭', '机器人', 'science_city_new_zone', [NT, EM], '核电站检修与应急机器人'],
  ['盾核', '防护材料', 'anzhou', [NT, AM], '辐射屏蔽与防护材料'],
  ['澜子', '中子科技', 'xianhai', [NT], '加速器中子源与中子应用装置'],
  ['净核', '环境技术', 'pingwu', [NT], '放射性废物处理与环境治理'],
  ['辐源', '核技术', 'beichuan', [NT], '核技术应用装备与辐射防护服务'],
  // 激光技术应用
  ['炽光', '激光', 'high_tech_zone', [LT], '高功率光纤激光器'],
  ['皓秒', '激光科技', 'science_city_new_zone', [LT], '飞秒超快激光精密加工设备'],
  ['熔曜', '激光智能装备', 'economic_zone', [LT, EM], '激光焊接与熔覆装备'],
  ['瞰川', '光电', 'youxian', [LT, DR], '激光雷达与光电探测设备'],
  ['洁光', '激光清洗', 'fucheng', [LT], '激光清洗设备与表面处理服务'],
  ['覆晟', '增材科技', 'jiangyou', [LT, AM], '金属激光增材制造与再制造'],
  ['镭芯', '光子', 'high_tech_zone', [LT, IC], '半导体激光芯片'],
  ['准量', '测量技术', 'anzhou', [LT, EM], '激光跟踪仪与大尺寸精密测量'],
  ['澜镭', '医疗激光', 'xianhai', [LT, BIO], '医用激光治疗设备'],
  // 光伏储能
  ['晶昀', '光伏', 'economic_zone', [PV], '高效单晶电池片与光伏组件'],
  ['锂澄', '新能源', 'anzhou', [PV], '磷酸铁锂电池与储能电池系统'],
  ['储衡', '储能', 'high_tech_zone', [PV, EI], '储能电池管理系统与储能变流器'],
  ['钠源', '新能源', 'science_city_new_zone', [PV, AM], '钠离子电池材料'],
  ['锂峰', '电池材料', 'jiangyou', [PV, AM], '锂离子电池正负极材料'],
  ['光翊', '新能源科技', 'santai', [PV], '光伏电站与储能系统集成'],
  ['封瑞', '光伏材料', 'yanting', [PV, AM], '光伏组件封装胶膜'],
  ['网衡', '电力电子', 'fucheng', [PV, EI], '储能变流器与光伏逆变器'],
  ['循锂', '资源再生', 'zitong', [PV], '退役动力电池回收与梯次利用'],
  ['锂拓', '电池', 'economic_zone', [PV], '锂离子电池电芯与极片制造'],
  ['固澄', '能源', 'science_city_new_zone', [PV], '固态电池与新型储能电池'],
  ['储昀', '能源科技', 'pingwu', [PV], '储能电站安全与热管理系统'],
  // 无人机
  ['翔鹞', '无人机', 'science_city_new_zone', [DR], '工业级固定翼无人机'],
  ['氢翼', '动力', 'high_tech_zone', [DR, PV], '无人机氢燃料电池动力系统'],
  ['鹰岭', '航空科技', 'anzhou', [DR], '无人机飞控与数据链'],
  ['云翎', '智能科技', 'youxian', [DR, BD], '无人机集群与巡检系统'],
  ['驭空', '航空', 'xianhai', [DR], '低空无人机探测与反制系统'],
  ['禾翼', '农业航空', 'santai', [DR], '植保无人机与农业飞防服务'],
  ['擎鹞', '动力科技', 'jiangyou', [DR, EM], '无人机活塞发动机'],
  ['巡川', '智能', 'zitong', [DR], '无人机巡检与感知避障系统'],
  ['邮翎', '低空物流', 'beichuan', [DR], '山区物流无人机与投送系统'],
  // 北斗导航
  ['星衡', '导航', 'high_tech_zone', [BD, IC], '北斗导航芯片与模组'],
  ['星枢', '卫星导航', 'science_city_new_zone', [BD], '北斗短报文与高精度定位终端'],
  ['时钧', '授时科技', 'youxian', [BD, EI], '北斗授时与时间同步设备'],
  ['辰途', '定位技术', 'economic_zone', [BD], '北斗高精度定位与组合导航'],
  ['惯澜', '导航科技', 'fucheng', [BD, DR], '北斗/惯性组合导航系统'],
  ['星瞰', '空间信息', 'high_tech_zone', [BD], '北斗时空大数据平台'],
  ['位澄', '监测技术', 'anzhou', [BD], '北斗形变监测与地质灾害预警'],
  ['耕星', '农机智能', 'santai', [BD, EM], '北斗农机自动驾驶系统'],
  ['星翊', '通信', 'xianhai', [BD, EI], '卫星导航抗干扰天线与通信终端'],
  ['岳星', '信息', 'pingwu', [BD], '北斗室内外融合定位与行业应用'],
  // 生物医药
  ['冬禾', '药业', 'santai', [BIO, FB], '麦冬等道地药材加工与中药提取'],
  ['附源', '中药饮片', 'jiangyou', [BIO], '附子等川产中药饮片炮制'],
  ['岐川', '制药', 'fucheng', [BIO], '中药配方颗粒与中成药'],
  ['澜抗', '生物', 'high_tech_zone', [BIO], '单克隆抗体药物研发与生产'],
  ['诊衡', '医疗科技', 'science_city_new_zone', [BIO], '化学发光体外诊断试剂'],
  ['康纶', '医疗器械', 'economic_zone', [BIO, AM], '医用高分子耗材'],
  ['禾牧', '动物药业', 'santai', [BIO], '兽用疫苗与动物保健品'],
  ['合澈', '医药化工', 'anzhou', [BIO], '化学原料药与医药中间体'],
  ['睿影', '医学科技', 'high_tech_zone', [BIO, EI], '医学影像人工智能软件'],
  ['植康', '骨科器械', 'youxian', [BIO, AM], '骨科与口腔植入物'],
  ['菌禾', '生物科技', 'yanting', [BIO, FB], '微生物发酵与生物制剂'],
  ['羌岭', '药业', 'beichuan', [BIO], '羌区特色中药材种植与饮片加工'],
  // 食品饮料
  ['川禾', '食品', 'santai', [FB], '川味泡菜与发酵调味品'],
  ['涪醇', '酒业', 'fucheng', [FB], '浓香型白酒酿造'],
  ['粉禾', '食品', 'youxian', [FB], '绵阳米粉与方便食品'],
  ['羌茗', '茶业', 'beichuan', [FB], '北川苔子茶种植与加工'],
  ['芋源', '食品', 'pingwu', [FB, BIO], '魔芋精粉与魔芋食品'],
  ['梓味', '食品', 'zitong', [FB], '川味腊肉香肠等肉制品'],
  ['安膳', '检测技术', 'fucheng', [FB], '食品安全检测服务与快检产品'],
  ['醇岭', '酒业', 'yanting', [FB], '固态法白酒酿造与酒糟综合利用'],
  ['澄果', '饮品', 'anzhou', [FB], 'NFC果汁与植物蛋白饮料'],
  ['油禾', '粮油', 'zitong', [FB], '浓香菜籽油加工'],
];

/** City or county prefix of a company name, by district. */
const PREFIXES: Record<District, readonly string[]> = {
  fucheng: ['涪城', '绵阳'],
  youxian: ['绵阳'],
  anzhou: ['绵阳', '安州'],
  jiangyou: ['江油', '绵阳'],
  santai: ['三台', '绵阳'],
  yanting: ['盐亭', '绵阳'],
  zitong: ['梓潼', '绵阳'],
  beichuan: ['北川', '绵阳'],
  pingwu: ['平武', '绵阳'],
  high_tech_zone: ['绵阳', '科技城'],
  economic_zone: ['绵阳'],
  science_city_new_zone: ['科技城', '绵阳'],
  xianhai: ['绵阳'],
};

function enterpriseName(spec: EnterpriseSpec, index: number): string {
  const [brand, business, district] = spec;
  const prefixes = PREFIXES[district];
  const prefix = prefixes[index % prefixes.length];
  const suffix = index % 5 === 3 ? '股份有限公司' : '有限公司';
  return `${prefix}${brand}${business}${suffix}`;
}

export const ENTERPRISES: EnterpriseSeed[] = SPECS.map((spec, index) => ({
  key: `ent-${String(index + 1).padStart(3, '0')}`,
  name: enterpriseName(spec, index),
  district: spec[2],
  industries: [...spec[3]],
}));

/** What each enterprise makes, by key; used to write backgrounds and to match topics to owners. */
export const ENTERPRISE_FOCUS: ReadonlyMap<string, string> = new Map(
  SPECS.map((spec, index) => [ENTERPRISES[index].key, spec[4]]),
);
