/**
 * The hand-written relevance set of demand search: each query with the demo-catalogue needs that a
 * good search must put in its first 10 results. `test/e2e/search-relevance.e2e.ts` runs them against
 * the search API and beside a plain ILIKE baseline, and checks that every expected title still exists
 * in `buildNeeds()`.
 *
 * Rules for adding a query: its expected titles (1–5) are the unambiguous best answers, i.e. titles
 * that name the concept; a query that matches more than about 8 titles is made more specific
 * instead, so that a top 10 can hold all of them. Synonym queries rely on SYNONYMS_ASSUMED, and
 * segmentation on DICTIONARY_TERMS_ASSUMED: both must be configured in `libs/search/data`.
 * English queries rely on the `english` entries of `libs/search/data/synonyms.json`; variant
 * queries (Taiwan and Hong Kong terms) on OpenCC's Taiwan phrase conversion and the `variants` entries.
 */

export interface RelevanceQuery {
  q: string;
  kind: 'term' | 'synonym' | 'inside-word' | 'traditional' | 'mixed' | 'multi-term' | 'english' | 'variant';
  /** Exact titles that must appear in the top 10. */
  expect: string[];
  note?: string;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Synonym pairs the synonym queries rely on (either word must find the other). The query word is
 * never in the expected titles; the other word is (or, for 光伏电池, in their keywords).
 */
export const SYNONYMS_ASSUMED: Array<[string, string]> = [
  ['TFT', '薄膜晶体管'],
  ['北斗', '卫星导航'],
  ['锂电池', '锂离子电池'],
  ['无人机', 'UAV'],
  ['无人机', '无人驾驶航空器'],
  ['光伏电池', '太阳能电池'],
  ['光伏', '太阳能'],
  ['芯片', '集成电路'],
  ['OLED', '有机发光'],
  ['放射性药物', '放射性药品'],
  ['偏光片', '偏振片'],
  ['AGV', '自动导引车'],
  ['单克隆抗体', '单抗'],
  ['印制电路板', '线路板'],
  ['PCB', '线路板'],
  ['农药残留', '农残'],
  ['丢糟', '酒糟'],
  ['形变监测', '变形监测'],
  ['UWB', '超宽带'],
  ['触控', '触摸'],
  ['钕铁硼', 'NdFeB'],
];

/**
 * Multi-character technical terms the queries depend on, which a general Chinese segmenter may split
 * or glue to a neighbour (e.g. 齿轮啸叫, 卫星授时, 硅碳负极): kept whole on both the document and
 * the query side, a query for the term finds it inside the longer compounds of the titles.
 */
export const DICTIONARY_TERMS_ASSUMED: string[] = [
  // industry terms used as plain queries
  ...words('扁钢 烧结钕铁硼 钕铁硼 钐钴 石墨烯 回旋加速器 钨-177 耐辐照 时空大数据 组合导航 泡菜 白酒 苔子茶'),
  ...words('兽用疫苗 化学发光 太赫兹 二次雷达 高压连接器 柱塞泵 五轴联动 偏光片 超薄玻璃 激光熔覆 飞秒激光'),
  ...words('钠离子电池 梯次利用 重油 活塞发动机 植保无人机 碳化硅 系统级封装 氢氟酸'),
  // terms that the titles hold inside longer compounds
  ...words('晶界扩散 短报文 授时 硅碳 负极材料 刻蚀液 掩膜版 冻干 亚硝 光配向 铁氧体 啸叫 热误差 换靶 调零 葡甘聚糖'),
  // both sides of the synonym pairs, so that each is one token for the synonym to apply to
  ...words('薄膜晶体管 卫星导航 锂电池 锂离子电池 无人驾驶航空器 光伏电池 太阳能电池 集成电路 有机发光'),
  ...words('放射性药物 放射性药品 偏振片 自动导引车 单克隆抗体 单抗 印制电路板 线路板 农药残留 农残'),
  ...words('丢糟 酒糟 形变监测 变形监测 超宽带 触控 触摸'),
  // mixed and multi-term queries
  ...words('车规级 射频前端 电子级 巨量转移 背光模组 辅助诊断 氢燃料电池 激光焊接 储氢气瓶 焊缝跟踪'),
  ...words('心肌标志物 激光清洗 无人机巡检 涡旋压缩机'),
  // without these, 01005超小尺寸… and 风电主轴轴承… are segmented so that 01005 and 轴承 find nothing
  ...words('01005 主轴 轴承'),
];

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  {
    q: '扁钢',
    kind: 'term',
    expect: [
      '乏燃料贮存格架用超薄热轧扁钢轧制工艺',
      '核岛主设备用超薄热轧扁钢轧制工艺',
      '核电堆内构件用超薄热轧扁钢轧制工艺',
      '核电汽轮机用超薄热轧扁钢轧制工艺',
    ],
    note: 'advanced materials; 热轧扁钢 in every title',
  },
  {
    q: '烧结钕铁硼',
    kind: 'term',
    expect: [
      '伺服电机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '变频压缩机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '新能源汽车驱动电机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '风力发电机用烧结钕铁硼永磁体晶界扩散技术攻关',
    ],
    note: 'the four 晶界扩散 needs; 钕铁硼 alone matches 8 titles',
  },
  {
    q: '钐钴',
    kind: 'term',
    expect: [
      '惯性导航器件用高温钐钴永磁体研制',
      '石油随钻测井仪器用高温钐钴永磁体研制',
      '航空航天电机用高温钐钴永磁体研制',
      '高温传感器用高温钐钴永磁体研制',
    ],
  },
  {
    q: '石墨烯',
    kind: 'term',
    expect: [
      '动力电池热管理用高导热石墨烯膜制备',
      '大功率LED散热用高导热石墨烯膜制备',
      '智能手机散热用高导热石墨烯膜制备',
      '通信基站芯片散热用高导热石墨烯膜制备',
    ],
  },
  {
    q: '回旋加速器',
    kind: 'term',
    expect: ['医用回旋加速器多靶位自动换靶系统', '医用回旋加速器束流引出效率提升', '医用回旋加速器自屏蔽紧凑化设计'],
  },
  {
    q: '钨-177',
    kind: 'term',
    expect: ['无载体钨-177/镥-177同位素分离纯化'],
    note: 'a hyphenated isotope name; must not match the other isotopes',
  },
  {
    q: '耐辐照机器人',
    kind: 'term',
    expect: [
      '乏燃料水池巡检耐辐照机器人',
      '反应堆压力容器检测耐辐照机器人',
      '核应急处置耐辐照机器人',
      '核电站蒸汽发生器检修耐辐照机器人',
    ],
  },
  {
    q: '时空大数据',
    kind: 'term',
    expect: ['共享出行北斗时空大数据平台', '危化品运输监管北斗时空大数据平台', '城市应急管理北斗时空大数据平台'],
  },
  {
    q: '组合导航',
    kind: 'term',
    expect: [
      '城市峡谷车载北斗/惯性组合导航系统',
      '智能农机北斗/惯性组合导航系统',
      '隧道与地下空间北斗/惯性组合导航系统',
    ],
  },
  {
    q: '泡菜',
    kind: 'term',
    expect: ['川北特色泡菜低盐发酵工艺'],
    note: 'the 榨菜 need has 泡菜 among its keywords but is not the answer',
  },
  {
    q: '白酒',
    kind: 'term',
    expect: ['浓香型白酒酿造智能化控制系统', '白酒丢糟生物饲料化利用', '白酒丢糟高值化综合利用'],
  },
  { q: '苔子茶', kind: 'term', expect: ['北川苔子茶清洁化连续化生产线建设', '北川苔子茶精深加工与茶饮料开发'] },
  {
    q: '兽用疫苗',
    kind: 'term',
    expect: ['牛口蹄疫兽用疫苗研制', '猪圆环病毒3型兽用疫苗研制', '禽流感多价兽用疫苗研制'],
  },
  {
    q: '化学发光',
    kind: 'term',
    expect: ['传染病化学发光检测试剂盒开发', '心肌标志物化学发光检测试剂盒开发', '甲状腺功能化学发光检测试剂盒开发'],
  },
  {
    q: '太赫兹',
    kind: 'term',
    expect: [
      '面向6G的220GHz频段太赫兹收发前端研究',
      '面向6G的300GHz频段太赫兹收发前端研究',
      '面向6G的D波段太赫兹收发前端研究',
      '面向6G的星地链路太赫兹收发前端研究',
    ],
  },
  {
    q: '二次雷达',
    kind: 'term',
    expect: [
      '低空无人机识别二次雷达与ADS-B信号融合处理',
      '机场场面监视二次雷达与ADS-B信号融合处理',
      '航路监视二次雷达与ADS-B信号融合处理',
      '通用航空低空监视二次雷达与ADS-B信号融合处理',
    ],
  },
  {
    q: '高压连接器',
    kind: 'term',
    expect: [
      '800V新能源汽车平台高压连接器温升与防护设计',
      'eVTOL飞行器高压连接器温升与防护设计',
      '大功率液冷超充高压连接器温升与防护设计',
      '电动重卡换电站高压连接器温升与防护设计',
    ],
  },
  {
    q: '柱塞泵',
    kind: 'term',
    expect: [
      '大型农业机械高压柱塞泵关键摩擦副寿命提升',
      '挖掘机高压柱塞泵关键摩擦副寿命提升',
      '盾构机高压柱塞泵关键摩擦副寿命提升',
      '矿用液压支架高压柱塞泵关键摩擦副寿命提升',
    ],
  },
  {
    q: '五轴联动',
    kind: 'term',
    expect: [
      '医疗器械零件五轴联动加工中心热误差补偿',
      '发动机缸体缸盖五轴联动加工中心热误差补偿',
      '叶轮叶片五轴联动加工中心热误差补偿',
      '航空结构件五轴联动加工中心热误差补偿',
    ],
  },
  {
    q: '偏光片',
    kind: 'term',
    expect: ['OLED手机用偏光片国产化开发', 'TFT-LCD电视用偏光片国产化开发', '折叠屏手机用偏光片国产化开发'],
  },
  {
    q: '超薄玻璃',
    kind: 'term',
    expect: [
      'AR光波导超薄玻璃减薄与化学强化',
      'TFT-LCD面板超薄玻璃减薄与化学强化',
      '折叠屏UTG盖板超薄玻璃减薄与化学强化',
      '车载曲面盖板超薄玻璃减薄与化学强化',
    ],
  },
  {
    q: '激光熔覆',
    kind: 'term',
    expect: ['冶金轧辊激光熔覆再制造技术', '汽轮机叶片激光熔覆再制造技术', '液压支架立柱激光熔覆再制造技术'],
  },
  {
    q: '飞秒激光',
    kind: 'term',
    expect: [
      '半导体晶圆隐形切割飞秒激光精密加工工艺',
      '心血管支架飞秒激光精密加工工艺',
      '柔性OLED屏切割飞秒激光精密加工工艺',
    ],
  },
  {
    q: '钠离子电池',
    kind: 'term',
    expect: [
      '低速电动车用钠离子电池正极材料开发',
      '层状氧化物钠离子电池正极材料开发',
      '普鲁士蓝类钠离子电池正极材料开发',
      '聚阴离子型钠离子电池正极材料开发',
    ],
  },
  {
    q: '梯次利用',
    kind: 'term',
    expect: [
      '三元锂退役动力电池梯次利用与材料再生',
      '商用车退役动力电池梯次利用与材料再生',
      '电动两轮车退役动力电池梯次利用与材料再生',
      '磷酸铁锂退役动力电池梯次利用与材料再生',
    ],
  },
  {
    q: '重油活塞发动机',
    kind: 'term',
    expect: ['中大型固定翼无人机重油活塞发动机', '垂直起降固定翼无人机重油活塞发动机', '高原型无人机重油活塞发动机'],
  },
  {
    q: '植保无人机',
    kind: 'term',
    expect: ['丘陵茶园植保无人机变量喷施系统', '农林植保无人机高可靠冗余飞控系统', '柑橘果园植保无人机变量喷施系统'],
  },
  {
    q: '碳化硅',
    kind: 'term',
    expect: [
      '光伏逆变器碳化硅（SiC）MOSFET功率模块封装',
      '新能源汽车主驱碳化硅（SiC）MOSFET功率模块封装',
      '直流快充桩碳化硅（SiC）MOSFET功率模块封装',
      '车载充电机碳化硅（SiC）MOSFET功率模块封装',
    ],
  },
  {
    q: '系统级封装',
    kind: 'term',
    expect: [
      '北斗导航模组系统级封装（SiP）工艺开发',
      '可穿戴设备系统级封装（SiP）工艺开发',
      '射频模组系统级封装（SiP）工艺开发',
    ],
  },
  { q: '氢氟酸', kind: 'term', expect: ['G5等级电子级氢氟酸提纯工艺开发'] },
  {
    q: '薄膜晶体管 刻蚀液',
    kind: 'synonym',
    expect: ['TFT产线ITO刻蚀液资源化回收', 'TFT产线铝刻蚀液资源化回收'],
    note: 'TFT ↔ 薄膜晶体管: these titles say only TFT产线',
  },
  {
    q: '北斗抗干扰天线',
    kind: 'synonym',
    expect: ['小型化卫星导航抗干扰天线', '无人机机载卫星导航抗干扰天线', '阵列自适应调零卫星导航抗干扰天线'],
    note: '北斗 ↔ 卫星导航: no 北斗 in these titles',
  },
  {
    q: '卫星导航 农机自动驾驶',
    kind: 'synonym',
    expect: ['丘陵山地北斗农机自动驾驶系统', '大马力拖拉机北斗农机自动驾驶系统', '果园作业北斗农机自动驾驶系统'],
    note: '卫星导航 ↔ 北斗: these titles say only 北斗',
  },
  {
    q: '锂电池极片',
    kind: 'synonym',
    expect: [
      '干法电极锂离子电池极片制造工艺',
      '高压实辊压锂离子电池极片制造工艺',
      '高速双层涂布锂离子电池极片制造工艺',
      '高速叠片锂离子电池极片制造工艺',
    ],
    note: '锂电池 ↔ 锂离子电池',
  },
  {
    q: 'UAV集群',
    kind: 'synonym',
    expect: ['区域协同搜索无人机集群协同控制', '灯光表演无人机集群协同控制'],
    note: 'UAV ↔ 无人机: UAV is not among the keywords of these needs',
  },
  {
    q: '无人驾驶航空器 巡检',
    kind: 'synonym',
    expect: ['光伏电站无人机巡检缺陷智能识别', '油气管道无人机巡检缺陷智能识别', '输电线路无人机巡检缺陷智能识别'],
    note: '无人驾驶航空器 (the regulatory term) ↔ 无人机',
  },
  {
    q: '太阳能电池 转换效率',
    kind: 'synonym',
    expect: ['210大尺寸单晶电池片转换效率提升', 'PERC单晶电池片转换效率提升', 'TOPCon单晶电池片转换效率提升'],
    note: '太阳能电池 ↔ 光伏电池 (a keyword of these needs; titles say 电池片)',
  },
  {
    q: '电源管理集成电路',
    kind: 'synonym',
    expect: [
      'TWS耳机电源管理芯片（PMIC）设计',
      '智能电视主板电源管理芯片（PMIC）设计',
      '服务器电源管理芯片（PMIC）设计',
      '车载域控制器电源管理芯片（PMIC）设计',
    ],
    note: '集成电路 ↔ 芯片',
  },
  { q: '有机发光 偏光片', kind: 'synonym', expect: ['OLED手机用偏光片国产化开发'], note: '有机发光 ↔ OLED' },
  {
    q: '放射性药品 合成',
    kind: 'synonym',
    expect: [
      '¹⁷⁷Lu-DOTATATE放射性药物自动化合成模块',
      '¹⁸F-FDG放射性药物自动化合成模块',
      '⁶⁸Ga-PSMA放射性药物自动化合成模块',
    ],
    note: '放射性药品 (the regulatory term) ↔ 放射性药物',
  },
  {
    q: '偏振片',
    kind: 'synonym',
    expect: ['OLED手机用偏光片国产化开发', 'TFT-LCD电视用偏光片国产化开发', '折叠屏手机用偏光片国产化开发'],
    note: '偏振片 ↔ 偏光片',
  },
  {
    q: '自动导引车',
    kind: 'synonym',
    expect: [
      '家电成品仓储重载AGV自主导航与集群调度系统',
      '汽车总装车间重载AGV自主导航与集群调度系统',
      '电子元器件立体仓重载AGV自主导航与集群调度系统',
      '钢材仓库重载AGV自主导航与集群调度系统',
    ],
    note: '自动导引车 ↔ AGV',
  },
  {
    q: '单抗',
    kind: 'synonym',
    expect: ['单克隆抗体连续灌流培养工艺开发', '单克隆抗体高浓度制剂开发', '单克隆抗体高表达CHO细胞株构建'],
    note: '单抗 ↔ 单克隆抗体',
  },
  {
    q: '线路板',
    kind: 'synonym',
    expect: [
      'AI服务器主板高多层印制电路板（PCB）制造工艺',
      'HDI任意层互连高多层印制电路板（PCB）制造工艺',
      '汽车电子高多层印制电路板（PCB）制造工艺',
      '高频微波高多层印制电路板（PCB）制造工艺',
    ],
    note: '线路板 ↔ 印制电路板 / PCB',
  },
  {
    q: '农残检测',
    kind: 'synonym',
    expect: ['茶叶农药残留快速检测技术', '蔬菜农药残留快速检测技术'],
    note: '农残 ↔ 农药残留; 农残 occurs only in the 苔子茶 backgrounds',
  },
  { q: '酒糟', kind: 'synonym', expect: ['白酒丢糟生物饲料化利用', '白酒丢糟高值化综合利用'], note: '酒糟 ↔ 丢糟' },
  {
    q: '变形监测',
    kind: 'synonym',
    expect: ['尾矿库北斗形变监测预警系统', '水库大坝北斗形变监测预警系统', '高陡边坡北斗形变监测预警系统'],
    note: '变形监测 ↔ 形变监测',
  },
  {
    q: '超宽带 定位',
    kind: 'synonym',
    expect: [
      '化工园区人员管理北斗与UWB室内外无缝定位',
      '医院院区北斗与UWB室内外无缝定位',
      '地下矿井北斗与UWB室内外无缝定位',
    ],
    note: '超宽带 ↔ UWB',
  },
  {
    q: '触摸传感器',
    kind: 'synonym',
    expect: [
      '大尺寸交互平板金属网格（Metal Mesh）触控传感器',
      '笔记本电脑金属网格（Metal Mesh）触控传感器',
      '车载曲面屏金属网格（Metal Mesh）触控传感器',
    ],
    note: '触摸 ↔ 触控',
  },
  {
    q: 'NdFeB 晶界扩散',
    kind: 'synonym',
    expect: [
      '伺服电机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '变频压缩机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '新能源汽车驱动电机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '风力发电机用烧结钕铁硼永磁体晶界扩散技术攻关',
    ],
    note: 'NdFeB ↔ 钕铁硼',
  },
  {
    q: '晶界扩散',
    kind: 'inside-word',
    expect: [
      '伺服电机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '变频压缩机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '新能源汽车驱动电机用烧结钕铁硼永磁体晶界扩散技术攻关',
      '风力发电机用烧结钕铁硼永磁体晶界扩散技术攻关',
    ],
    note: 'inside 永磁体晶界扩散技术攻关',
  },
  {
    q: '短报文',
    kind: 'inside-word',
    expect: [
      '北斗三号短报文通信模块低功耗设计',
      '北斗三号短报文通信模块多模融合设计',
      '北斗三号短报文通信模块小型化设计',
    ],
    note: 'inside 北斗三号短报文通信模块',
  },
  {
    q: '授时',
    kind: 'inside-word',
    expect: [
      '5G通信网络北斗卫星授时与时间同步系统',
      '授时型北斗三号导航民用芯片研制',
      '电力系统北斗卫星授时与时间同步系统',
      '轨道交通北斗卫星授时与时间同步系统',
    ],
    note: 'inside 卫星授时 and 授时型',
  },
  {
    q: '硅碳',
    kind: 'inside-word',
    expect: [
      '工业无人机锂离子电池硅碳负极材料',
      '消费电子锂离子电池硅碳负极材料',
      '电动工具锂离子电池硅碳负极材料',
      '高能量密度动力锂离子电池硅碳负极材料',
    ],
    note: 'inside 锂离子电池硅碳负极材料',
  },
  {
    q: '刻蚀液',
    kind: 'inside-word',
    expect: ['TFT产线ITO刻蚀液资源化回收', 'TFT产线铝刻蚀液资源化回收'],
    note: 'inside ITO刻蚀液 and 铝刻蚀液',
  },
  {
    q: '掩膜版',
    kind: 'inside-word',
    expect: ['第6代柔性AMOLED蒸镀掩膜版（FMM）良率提升'],
    note: 'inside 蒸镀掩膜版（FMM）',
  },
  {
    q: '冻干',
    kind: 'inside-word',
    expect: ['双歧杆菌益生菌高密度发酵与冻干工艺', '植物乳杆菌益生菌高密度发酵与冻干工艺'],
    note: 'inside 高密度发酵与冻干工艺',
  },
  {
    q: '亚硝',
    kind: 'inside-word',
    expect: ['川味烟熏腊肉低亚硝绿色加工技术', '风干牛肉低亚硝绿色加工技术'],
    note: 'inside 低亚硝绿色加工; keywords 亚硝酸盐/亚硝胺 of other needs compete',
  },
  {
    q: '光配向',
    kind: 'inside-word',
    expect: [
      '8.6代电竞高刷面板TFT-LCD液晶光配向工艺',
      '8K超高清电视面板TFT-LCD液晶光配向工艺',
      '医疗显示面板TFT-LCD液晶光配向工艺',
    ],
    note: 'inside TFT-LCD液晶光配向工艺',
  },
  {
    q: '铁氧体',
    kind: 'inside-word',
    expect: [
      '5G基站电源高频低损耗锰锌铁氧体材料开发',
      '光伏逆变器高频低损耗锰锌铁氧体材料开发',
      '新能源汽车车载充电机（OBC）高频低损耗锰锌铁氧体材料开发',
      '无线充电模组高频低损耗锰锌铁氧体材料开发',
    ],
    note: 'inside 锰锌铁氧体',
  },
  {
    q: '啸叫',
    kind: 'inside-word',
    expect: [
      '乘用车三合一电驱减速器齿轮啸叫抑制技术',
      '分布式轮边驱动电驱减速器齿轮啸叫抑制技术',
      '商用车中央驱动电驱减速器齿轮啸叫抑制技术',
      '扁线电机集成式电驱减速器齿轮啸叫抑制技术',
      '混动专用变速器（DHT）电驱减速器齿轮啸叫抑制技术',
    ],
    note: 'inside 电驱减速器齿轮啸叫抑制',
  },
  {
    q: '热误差',
    kind: 'inside-word',
    expect: [
      '医疗器械零件五轴联动加工中心热误差补偿',
      '发动机缸体缸盖五轴联动加工中心热误差补偿',
      '叶轮叶片五轴联动加工中心热误差补偿',
      '航空结构件五轴联动加工中心热误差补偿',
    ],
    note: 'inside 加工中心热误差补偿',
  },
  { q: '换靶', kind: 'inside-word', expect: ['医用回旋加速器多靶位自动换靶系统'], note: 'inside 多靶位自动换靶系统' },
  { q: '调零', kind: 'inside-word', expect: ['阵列自适应调零卫星导航抗干扰天线'], note: 'inside 阵列自适应调零' },
  { q: '葡甘聚糖', kind: 'inside-word', expect: ['低热量食品用魔芋葡甘聚糖制备'], note: 'inside 魔芋葡甘聚糖' },
  {
    q: '無人機集群',
    kind: 'traditional',
    expect: ['区域协同搜索无人机集群协同控制', '灯光表演无人机集群协同控制'],
    note: '→ 无人机集群',
  },
  {
    q: '鋰離子電池極片',
    kind: 'traditional',
    expect: [
      '干法电极锂离子电池极片制造工艺',
      '高压实辊压锂离子电池极片制造工艺',
      '高速双层涂布锂离子电池极片制造工艺',
      '高速叠片锂离子电池极片制造工艺',
    ],
    note: '→ 锂离子电池极片',
  },
  {
    q: '釹鐵硼磁體',
    kind: 'traditional',
    expect: [
      '家电电机用高丰度稀土（镧铈）钕铁硼磁体开发',
      '消费电子扬声器用高丰度稀土（镧铈）钕铁硼磁体开发',
      '电动自行车电机用高丰度稀土（镧铈）钕铁硼磁体开发',
      '磁选设备用高丰度稀土（镧铈）钕铁硼磁体开发',
    ],
    note: '→ 钕铁硼磁体',
  },
  {
    q: '衛星導航抗干擾天線',
    kind: 'traditional',
    expect: ['小型化卫星导航抗干扰天线', '无人机机载卫星导航抗干扰天线', '阵列自适应调零卫星导航抗干扰天线'],
    note: '→ 卫星导航抗干扰天线',
  },
  {
    q: '顯示驅動芯片',
    kind: 'traditional',
    expect: [
      'AMOLED手机显示驱动芯片（DDIC）设计',
      'Mini LED背光显示驱动芯片（DDIC）设计',
      'TFT-LCD电视显示驱动芯片（DDIC）设计',
    ],
    note: '→ 显示驱动芯片',
  },
  {
    q: '醫用高分子材料',
    kind: 'traditional',
    expect: ['介入导管用医用高分子材料开发', '血液透析器用医用高分子材料开发', '输注泵管用医用高分子材料开发'],
    note: '→ 医用高分子材料',
  },
  {
    q: '低鹽發酵',
    kind: 'traditional',
    expect: ['川北特色榨菜低盐发酵工艺', '川北特色泡菜低盐发酵工艺'],
    note: '→ 低盐发酵',
  },
  {
    q: '醫用迴旋加速器',
    kind: 'traditional',
    expect: ['医用回旋加速器多靶位自动换靶系统', '医用回旋加速器束流引出效率提升', '医用回旋加速器自屏蔽紧凑化设计'],
    note: '→ 医用回旋加速器 (迴 is a variant of 回)',
  },
  {
    q: '單克隆抗體',
    kind: 'traditional',
    expect: ['单克隆抗体连续灌流培养工艺开发', '单克隆抗体高浓度制剂开发', '单克隆抗体高表达CHO细胞株构建'],
    note: '→ 单克隆抗体',
  },
  {
    q: '激光雷達',
    kind: 'traditional',
    expect: ['低空无人机避障激光雷达（LiDAR）研制', '港口自动化激光雷达（LiDAR）研制', '车载固态激光雷达（LiDAR）研制'],
    note: '→ 激光雷达',
  },
  {
    q: '獸用疫苗',
    kind: 'traditional',
    expect: ['牛口蹄疫兽用疫苗研制', '猪圆环病毒3型兽用疫苗研制', '禽流感多价兽用疫苗研制'],
    note: '→ 兽用疫苗',
  },
  {
    q: '碳纖維複合材料',
    kind: 'traditional',
    expect: [
      '工业无人机机身碳纤维复合材料低成本快速成型工艺',
      '车载储氢气瓶碳纤维复合材料低成本快速成型工艺',
      '轨道交通车体碳纤维复合材料低成本快速成型工艺',
      '风电叶片主梁碳纤维复合材料低成本快速成型工艺',
    ],
    note: '→ 碳纤维复合材料',
  },
  {
    q: '鋰電池熱失控',
    kind: 'traditional',
    expect: [
      '户用储能锂电池热失控早期预警与防控',
      '电动汽车换电站锂电池热失控早期预警与防控',
      '电动自行车集中充电锂电池热失控早期预警与防控',
      '集装箱式储能锂电池热失控早期预警与防控',
    ],
    note: '→ 锂电池热失控',
  },
  {
    q: '農藥殘留',
    kind: 'traditional',
    expect: ['茶叶农药残留快速检测技术', '蔬菜农药残留快速检测技术'],
    note: '→ 农药残留',
  },
  {
    q: '8.6代 TFT',
    kind: 'mixed',
    expect: [
      '8.6代电竞高刷面板TFT-LCD液晶光配向工艺',
      '8.6代薄膜晶体管（TFT）阵列基板ITO残留检测',
      '8.6代薄膜晶体管（TFT）阵列基板Mura缺陷检测',
      '8.6代薄膜晶体管（TFT）阵列基板微粒异物检测',
    ],
  },
  {
    q: 'MCU 车规',
    kind: 'mixed',
    expect: [
      '面向智能座舱的车规级MCU芯片功能安全设计',
      '面向电驱控制的车规级MCU芯片功能安全设计',
      '面向车规级MCU芯片的自动化测试（ATE）方案开发',
      '面向车身控制的车规级MCU芯片功能安全设计',
    ],
    note: '车规 is a prefix of 车规级',
  },
  {
    q: 'PET-CT',
    kind: 'mixed',
    expect: ['PET-CT肿瘤医学影像AI辅助诊断系统'],
    note: 'other needs name PET-CT only in their keywords',
  },
  {
    q: 'SiC MOSFET',
    kind: 'mixed',
    expect: [
      '光伏逆变器碳化硅（SiC）MOSFET功率模块封装',
      '新能源汽车主驱碳化硅（SiC）MOSFET功率模块封装',
      '直流快充桩碳化硅（SiC）MOSFET功率模块封装',
      '车载充电机碳化硅（SiC）MOSFET功率模块封装',
    ],
  },
  {
    q: 'RTK 定位终端',
    kind: 'mixed',
    expect: ['工程机械引导北斗高精度定位终端', '桥梁健康监测北斗高精度定位终端', '自动驾驶北斗高精度定位终端'],
    note: 'RTK is among the keywords of these needs, never in a title',
  },
  { q: '5G手机 射频前端', kind: 'mixed', expect: ['5G手机射频前端芯片设计'] },
  { q: '01005 MLCC', kind: 'mixed', expect: ['01005超小尺寸片式多层陶瓷电容器（MLCC）介质材料与工艺'] },
  { q: '112Gbps PAM4', kind: 'mixed', expect: ['112Gbps PAM4高速背板连接器信号完整性设计'] },
  { q: '77GHz 毫米波雷达', kind: 'mixed', expect: ['77GHz车载前向毫米波雷达天线与射频前端设计'] },
  { q: '800V 高压连接器', kind: 'mixed', expect: ['800V新能源汽车平台高压连接器温升与防护设计'] },
  { q: 'Wi-Fi 7', kind: 'mixed', expect: ['Wi-Fi 7路由器射频前端芯片设计'] },
  { q: 'G5 电子级', kind: 'mixed', expect: ['G5等级电子级氢氟酸提纯工艺开发', 'G5等级电子级硫酸提纯工艺开发'] },
  { q: '940nm VCSEL', kind: 'mixed', expect: ['940nm VCSEL半导体激光芯片研制'] },
  {
    q: 'Micro LED 巨量转移',
    kind: 'mixed',
    expect: [
      'AR近眼显示Micro LED巨量转移与修复技术',
      '大尺寸拼接屏Micro LED巨量转移与修复技术',
      '智能手表Micro LED巨量转移与修复技术',
      '车载透明显示Micro LED巨量转移与修复技术',
    ],
  },
  {
    q: 'Mini LED 背光模组',
    kind: 'mixed',
    expect: [
      '笔记本电脑Mini LED背光模组光学设计',
      '车载显示Mini LED背光模组光学设计',
      '高端电视Mini LED背光模组光学设计',
    ],
  },
  {
    q: 'AI 辅助诊断',
    kind: 'mixed',
    expect: ['PET-CT肿瘤医学影像AI辅助诊断系统', '眼底彩照医学影像AI辅助诊断系统', '肺结节CT医学影像AI辅助诊断系统'],
  },
  {
    q: 'IGBT 模块',
    kind: 'mixed',
    expect: [
      '变频家电IGBT芯片及模块国产化开发',
      '工业变频器IGBT芯片及模块国产化开发',
      '轨道交通牵引IGBT芯片及模块国产化开发',
      '风电变流器IGBT芯片及模块国产化开发',
    ],
  },
  {
    q: '6G 太赫兹',
    kind: 'mixed',
    expect: [
      '面向6G的220GHz频段太赫兹收发前端研究',
      '面向6G的300GHz频段太赫兹收发前端研究',
      '面向6G的D波段太赫兹收发前端研究',
      '面向6G的星地链路太赫兹收发前端研究',
    ],
  },
  { q: 'FDG', kind: 'mixed', expect: ['¹⁸F-FDG放射性药物自动化合成模块'], note: 'inside ¹⁸F-FDG' },
  {
    q: '无人机 氢燃料电池',
    kind: 'multi-term',
    expect: [
      '工业级固定翼无人机长航时氢燃料电池动力系统',
      '工业级垂直起降固定翼无人机长航时氢燃料电池动力系统',
      '工业级多旋翼无人机长航时氢燃料电池动力系统',
    ],
  },
  { q: '激光焊接 动力电池', kind: 'multi-term', expect: ['动力电池极耳激光焊接工艺与质量在线监测'] },
  { q: '碳纤维 储氢气瓶', kind: 'multi-term', expect: ['车载储氢气瓶碳纤维复合材料低成本快速成型工艺'] },
  { q: '石墨烯 手机', kind: 'multi-term', expect: ['智能手机散热用高导热石墨烯膜制备'] },
  { q: '焊缝跟踪 船舶', kind: 'multi-term', expect: ['船舶分段焊缝跟踪与自适应焊接技术'] },
  { q: '化学发光 心肌标志物', kind: 'multi-term', expect: ['心肌标志物化学发光检测试剂盒开发'] },
  { q: '激光清洗 核设施', kind: 'multi-term', expect: ['核设施表面去污激光清洗装备开发'] },
  { q: '光伏电站 无人机巡检', kind: 'multi-term', expect: ['光伏电站无人机巡检缺陷智能识别'] },
  {
    q: '热泵 涡旋压缩机',
    kind: 'multi-term',
    expect: ['新能源汽车热泵涡旋压缩机型线优化与低温增焓', '热泵烘干机涡旋压缩机型线优化与低温增焓'],
  },
  {
    q: '风电 轴承',
    kind: 'multi-term',
    expect: ['风电主轴轴承用特种钢洁净化冶炼与连铸', '风电变桨高速精密轴承国产化研制'],
  },
  { q: '轨道交通 IGBT', kind: 'multi-term', expect: ['轨道交通牵引IGBT芯片及模块国产化开发'] },
  { q: '茶叶 农药残留', kind: 'multi-term', expect: ['茶叶农药残留快速检测技术'] },

  // English: the domain vocabulary through the `english` entries of synonyms.json.
  {
    q: 'graphene',
    kind: 'english',
    expect: [
      '动力电池热管理用高导热石墨烯膜制备',
      '大功率LED散热用高导热石墨烯膜制备',
      '智能手机散热用高导热石墨烯膜制备',
      '通信基站芯片散热用高导热石墨烯膜制备',
    ],
  },
  {
    q: 'cyclotron',
    kind: 'english',
    expect: ['医用回旋加速器多靶位自动换靶系统', '医用回旋加速器束流引出效率提升', '医用回旋加速器自屏蔽紧凑化设计'],
  },
  {
    q: 'samarium cobalt',
    kind: 'english',
    expect: [
      '惯性导航器件用高温钐钴永磁体研制',
      '石油随钻测井仪器用高温钐钴永磁体研制',
      '航空航天电机用高温钐钴永磁体研制',
      '高温传感器用高温钐钴永磁体研制',
    ],
  },
  {
    q: 'sodium-ion battery',
    kind: 'english',
    expect: [
      '低速电动车用钠离子电池正极材料开发',
      '层状氧化物钠离子电池正极材料开发',
      '普鲁士蓝类钠离子电池正极材料开发',
      '聚阴离子型钠离子电池正极材料开发',
    ],
    note: 'battery → 电池 and the dictionary compounds holding it (钠离子电池)',
  },
  {
    q: 'solid-state battery',
    kind: 'english',
    expect: ['聚合物固态电解质及固态电池开发', '氧化物固态电解质及固态电池开发', '硫化物固态电解质及固态电池开发'],
  },
  {
    q: 'fuel cell',
    kind: 'english',
    expect: [
      '燃料电池发动机用电子水泵无刷电机及控制器',
      '工业级固定翼无人机长航时氢燃料电池动力系统',
      '工业级多旋翼无人机长航时氢燃料电池动力系统',
      '工业级垂直起降固定翼无人机长航时氢燃料电池动力系统',
    ],
  },
  {
    q: 'hydrogen',
    kind: 'english',
    expect: [
      '氢能重卡热管理用电子水泵无刷电机及控制器',
      '车载储氢气瓶碳纤维复合材料低成本快速成型工艺',
      '工业级固定翼无人机长航时氢燃料电池动力系统',
      '工业级多旋翼无人机长航时氢燃料电池动力系统',
      '工业级垂直起降固定翼无人机长航时氢燃料电池动力系统',
    ],
    note: 'not 电子级氢氟酸: hydrofluoric acid is no hydrogen energy',
  },
  {
    q: 'thermal runaway',
    kind: 'english',
    expect: [
      '集装箱式储能锂电池热失控早期预警与防控',
      '电动自行车集中充电锂电池热失控早期预警与防控',
      '户用储能锂电池热失控早期预警与防控',
      '电动汽车换电站锂电池热失控早期预警与防控',
    ],
  },
  {
    q: 'laser cladding',
    kind: 'english',
    expect: ['汽轮机叶片激光熔覆再制造技术', '冶金轧辊激光熔覆再制造技术', '液压支架立柱激光熔覆再制造技术'],
  },
  {
    q: 'femtosecond laser',
    kind: 'english',
    expect: [
      '心血管支架飞秒激光精密加工工艺',
      '柔性OLED屏切割飞秒激光精密加工工艺',
      '半导体晶圆隐形切割飞秒激光精密加工工艺',
    ],
  },
  {
    q: 'fiber laser',
    kind: 'english',
    expect: ['厚板切割用万瓦级光纤激光器研制', '金属增材制造用万瓦级光纤激光器研制'],
  },
  {
    q: 'superalloy',
    kind: 'english',
    expect: [
      '石化裂解炉管高温合金电渣重熔纯净化冶炼技术',
      '燃气轮机叶片高温合金电渣重熔纯净化冶炼技术',
      '航空发动机涡轮盘高温合金电渣重熔纯净化冶炼技术',
      '核电蒸汽发生器传热管高温合金电渣重熔纯净化冶炼技术',
    ],
  },
  {
    q: 'ferrite',
    kind: 'english',
    expect: [
      '5G基站电源高频低损耗锰锌铁氧体材料开发',
      '无线充电模组高频低损耗锰锌铁氧体材料开发',
      '光伏逆变器高频低损耗锰锌铁氧体材料开发',
      '新能源汽车车载充电机（OBC）高频低损耗锰锌铁氧体材料开发',
    ],
  },
  {
    q: 'carbon fiber',
    kind: 'english',
    expect: [
      '风电叶片主梁碳纤维复合材料低成本快速成型工艺',
      '车载储氢气瓶碳纤维复合材料低成本快速成型工艺',
      '工业无人机机身碳纤维复合材料低成本快速成型工艺',
      '轨道交通车体碳纤维复合材料低成本快速成型工艺',
    ],
  },
  {
    q: 'polarizer',
    kind: 'english',
    expect: ['OLED手机用偏光片国产化开发', 'TFT-LCD电视用偏光片国产化开发', '折叠屏手机用偏光片国产化开发'],
  },
  {
    q: 'quantum dot',
    kind: 'english',
    expect: [
      '车载显示无镉量子点色转换膜',
      '广色域电视无镉量子点色转换膜',
      'Micro LED全彩化无镉量子点色转换膜',
      'Mini LED背光无镉量子点色转换膜',
    ],
  },
  {
    q: 'radiopharmaceutical',
    kind: 'english',
    expect: [
      '¹⁷⁷Lu-DOTATATE放射性药物自动化合成模块',
      '¹⁸F-FDG放射性药物自动化合成模块',
      '⁶⁸Ga-PSMA放射性药物自动化合成模块',
    ],
  },
  {
    q: 'isotope separation',
    kind: 'english',
    expect: ['无载体锕-225同位素分离纯化', '无载体钇-90同位素分离纯化', '无载体钨-177/镥-177同位素分离纯化'],
  },
  {
    q: 'probiotics',
    kind: 'english',
    expect: ['植物乳杆菌益生菌高密度发酵与冻干工艺', '双歧杆菌益生菌高密度发酵与冻干工艺'],
  },
  {
    q: 'veterinary vaccine',
    kind: 'english',
    expect: ['牛口蹄疫兽用疫苗研制', '猪圆环病毒3型兽用疫苗研制', '禽流感多价兽用疫苗研制'],
  },
  {
    q: 'monoclonal antibody',
    kind: 'english',
    expect: ['单克隆抗体连续灌流培养工艺开发', '单克隆抗体高浓度制剂开发', '单克隆抗体高表达CHO细胞株构建'],
  },
  {
    q: 'Beidou timing',
    kind: 'english',
    expect: [
      '5G通信网络北斗卫星授时与时间同步系统',
      '授时型北斗三号导航民用芯片研制',
      '电力系统北斗卫星授时与时间同步系统',
      '轨道交通北斗卫星授时与时间同步系统',
    ],
  },
  {
    q: 'Beidou short message',
    kind: 'english',
    expect: [
      '北斗三号短报文通信模块低功耗设计',
      '北斗三号短报文通信模块多模融合设计',
      '北斗三号短报文通信模块小型化设计',
    ],
  },
  {
    q: 'drone swarm',
    kind: 'english',
    expect: ['区域协同搜索无人机集群协同控制', '灯光表演无人机集群协同控制'],
  },
  {
    q: 'plant protection drone',
    kind: 'english',
    expect: ['丘陵茶园植保无人机变量喷施系统', '农林植保无人机高可靠冗余飞控系统', '柑橘果园植保无人机变量喷施系统'],
  },
  {
    q: 'anti-drone',
    kind: 'english',
    expect: [
      '大型活动安保低空无人机探测与反制系统',
      '边境管控低空无人机探测与反制系统',
      '机场净空低空无人机探测与反制系统',
    ],
  },
  {
    q: 'piston pump',
    kind: 'english',
    expect: [
      '大型农业机械高压柱塞泵关键摩擦副寿命提升',
      '挖掘机高压柱塞泵关键摩擦副寿命提升',
      '盾构机高压柱塞泵关键摩擦副寿命提升',
      '矿用液压支架高压柱塞泵关键摩擦副寿命提升',
    ],
  },
  {
    q: 'precision bearing',
    kind: 'english',
    expect: [
      '机床电主轴高速精密轴承国产化研制',
      '机器人关节高速精密轴承国产化研制',
      '风电变桨高速精密轴承国产化研制',
      '新能源汽车驱动电机高速精密轴承国产化研制',
    ],
  },
  {
    q: 'welding robot',
    kind: 'english',
    expect: [
      '工程机械结构件焊缝跟踪与自适应焊接技术',
      '厚板多层多道焊缝跟踪与自适应焊接技术',
      '不锈钢薄板焊缝跟踪与自适应焊接技术',
      '船舶分段焊缝跟踪与自适应焊接技术',
    ],
  },
  {
    q: 'MEMS sensor chip',
    kind: 'english',
    expect: ['MEMS麦克风传感器芯片设计与工艺', 'MEMS压力传感器芯片设计与工艺', 'MEMS惯性传感器芯片设计与工艺'],
  },
  {
    q: 'power management chip',
    kind: 'english',
    expect: [
      'TWS耳机电源管理芯片（PMIC）设计',
      '智能电视主板电源管理芯片（PMIC）设计',
      '服务器电源管理芯片（PMIC）设计',
      '车载域控制器电源管理芯片（PMIC）设计',
    ],
  },
  {
    q: 'silicon carbide module',
    kind: 'english',
    expect: [
      '光伏逆变器碳化硅（SiC）MOSFET功率模块封装',
      '新能源汽车主驱碳化硅（SiC）MOSFET功率模块封装',
      '直流快充桩碳化硅（SiC）MOSFET功率模块封装',
      '车载充电机碳化硅（SiC）MOSFET功率模块封装',
    ],
  },
  {
    q: 'lithium-ion battery electrode',
    kind: 'english',
    expect: [
      '干法电极锂离子电池极片制造工艺',
      '高压实辊压锂离子电池极片制造工艺',
      '高速双层涂布锂离子电池极片制造工艺',
      '高速叠片锂离子电池极片制造工艺',
    ],
  },
  {
    q: 'medical imaging AI',
    kind: 'english',
    expect: ['PET-CT肿瘤医学影像AI辅助诊断系统', '眼底彩照医学影像AI辅助诊断系统', '肺结节CT医学影像AI辅助诊断系统'],
  },
  {
    q: 'baijiu',
    kind: 'english',
    expect: ['浓香型白酒酿造智能化控制系统', '白酒丢糟高值化综合利用', '白酒丢糟生物饲料化利用'],
  },
  { q: 'konjac', kind: 'english', expect: ['低热量食品用魔芋葡甘聚糖制备'] },
  {
    q: 'pesticide residue',
    kind: 'english',
    expect: ['蔬菜农药残留快速检测技术', '茶叶农药残留快速检测技术'],
  },
  {
    q: 'terahertz',
    kind: 'english',
    expect: [
      '面向6G的星地链路太赫兹收发前端研究',
      '面向6G的300GHz频段太赫兹收发前端研究',
      '面向6G的220GHz频段太赫兹收发前端研究',
      '面向6G的D波段太赫兹收发前端研究',
    ],
  },
  {
    q: 'digital twin',
    kind: 'english',
    expect: [
      '汽车零部件机加产线数字孪生与虚拟调试',
      '电机装配产线数字孪生与虚拟调试',
      '白色家电总装产线数字孪生与虚拟调试',
      '动力电池模组装配产线数字孪生与虚拟调试',
    ],
  },
  {
    q: 'nanocrystalline',
    kind: 'english',
    expect: [
      '无线充电隔磁片纳米晶软磁带材及磁芯制备',
      '共模电感纳米晶软磁带材及磁芯制备',
      '高频变压器纳米晶软磁带材及磁芯制备',
      '精密电流互感器纳米晶软磁带材及磁芯制备',
    ],
  },
  // Variants: Taiwan and Hong Kong terms, through OpenCC's Taiwan phrases and the `variants` data.
  {
    q: '電源管理晶片',
    kind: 'variant',
    expect: [
      'TWS耳机电源管理芯片（PMIC）设计',
      '智能电视主板电源管理芯片（PMIC）设计',
      '服务器电源管理芯片（PMIC）设计',
      '车载域控制器电源管理芯片（PMIC）设计',
    ],
    note: 'Taiwan: 晶片 → 芯片',
  },
  {
    q: 'MEMS感測器晶片',
    kind: 'variant',
    expect: ['MEMS麦克风传感器芯片设计与工艺', 'MEMS压力传感器芯片设计与工艺', 'MEMS惯性传感器芯片设计与工艺'],
    note: 'Taiwan: 感測器 → 传感器, 晶片 → 芯片',
  },
  {
    q: '雷射雷達',
    kind: 'variant',
    expect: ['低空无人机避障激光雷达（LiDAR）研制', '港口自动化激光雷达（LiDAR）研制', '车载固态激光雷达（LiDAR）研制'],
    note: 'Taiwan: 雷射 → 激光',
  },
  {
    q: '雷射焊接',
    kind: 'variant',
    expect: [
      '铝合金电池托盘激光焊接工艺与质量在线监测',
      '不锈钢薄板激光焊接工艺与质量在线监测',
      '动力电池极耳激光焊接工艺与质量在线监测',
    ],
    note: 'the Taiwan term typed in simplified characters: the variants data',
  },
  {
    q: '雷射熔覆',
    kind: 'variant',
    expect: ['汽轮机叶片激光熔覆再制造技术', '冶金轧辊激光熔覆再制造技术', '液压支架立柱激光熔覆再制造技术'],
  },
  {
    q: '飛秒雷射',
    kind: 'variant',
    expect: [
      '心血管支架飞秒激光精密加工工艺',
      '柔性OLED屏切割飞秒激光精密加工工艺',
      '半导体晶圆隐形切割飞秒激光精密加工工艺',
    ],
  },
  {
    q: '光纖雷射器',
    kind: 'variant',
    expect: ['厚板切割用万瓦级光纤激光器研制', '金属增材制造用万瓦级光纤激光器研制'],
  },
  {
    q: '鐳射清洗',
    kind: 'variant',
    expect: ['航空部件除漆激光清洗装备开发', '模具在线除污激光清洗装备开发', '核设施表面去污激光清洗装备开发'],
    note: "Hong Kong's 鐳射 for laser",
  },
  {
    q: '碳化矽功率模組',
    kind: 'variant',
    expect: [
      '光伏逆变器碳化硅（SiC）MOSFET功率模块封装',
      '新能源汽车主驱碳化硅（SiC）MOSFET功率模块封装',
      '直流快充桩碳化硅（SiC）MOSFET功率模块封装',
      '车载充电机碳化硅（SiC）MOSFET功率模块封装',
    ],
    note: 'Taiwan: 矽 → 硅, 模組 → 模块',
  },
  {
    q: '車規級微控制器',
    kind: 'variant',
    expect: [
      '面向智能座舱的车规级MCU芯片功能安全设计',
      '面向电驱控制的车规级MCU芯片功能安全设计',
      '面向车规级MCU芯片的自动化测试（ATE）方案开发',
      '面向车身控制的车规级MCU芯片功能安全设计',
    ],
    note: '微控制器 ↔ MCU',
  },
  {
    q: '空拍機巡檢',
    kind: 'variant',
    expect: ['光伏电站无人机巡检缺陷智能识别', '油气管道无人机巡检缺陷智能识别', '输电线路无人机巡检缺陷智能识别'],
    note: 'Taiwan: 空拍機 → 无人机',
  },
  {
    q: '數位孿生',
    kind: 'variant',
    expect: [
      '汽车零部件机加产线数字孪生与虚拟调试',
      '电机装配产线数字孪生与虚拟调试',
      '白色家电总装产线数字孪生与虚拟调试',
      '动力电池模组装配产线数字孪生与虚拟调试',
    ],
  },
  {
    q: '奈米晶軟磁',
    kind: 'variant',
    expect: [
      '无线充电隔磁片纳米晶软磁带材及磁芯制备',
      '共模电感纳米晶软磁带材及磁芯制备',
      '高频变压器纳米晶软磁带材及磁芯制备',
      '精密电流互感器纳米晶软磁带材及磁芯制备',
    ],
  },
  {
    q: '薄膜電晶體',
    kind: 'variant',
    expect: [
      '8.6代薄膜晶体管（TFT）阵列基板Mura缺陷检测',
      '8.6代薄膜晶体管（TFT）阵列基板微粒异物检测',
      '8.6代薄膜晶体管（TFT）阵列基板ITO残留检测',
    ],
    note: 'Taiwan: 電晶體 → 晶体管',
  },
  {
    q: '印刷電路板',
    kind: 'variant',
    expect: [
      'AI服务器主板高多层印制电路板（PCB）制造工艺',
      'HDI任意层互连高多层印制电路板（PCB）制造工艺',
      '高频微波高多层印制电路板（PCB）制造工艺',
      '汽车电子高多层印制电路板（PCB）制造工艺',
    ],
  },
  {
    q: '3D列印',
    kind: 'variant',
    expect: ['随形冷却模具选区激光熔化（SLM）成形工艺', '钛合金航空结构件选区激光熔化（SLM）成形工艺'],
    note: 'Taiwan: 列印 → 打印; 3D打印 ↔ 增材制造',
  },
  {
    q: '偏光板',
    kind: 'variant',
    expect: ['OLED手机用偏光片国产化开发', 'TFT-LCD电视用偏光片国产化开发', '折叠屏手机用偏光片国产化开发'],
  },
  {
    q: '太陽光電封裝膠膜',
    kind: 'variant',
    expect: ['建筑光伏一体化（BIPV）组件封装胶膜开发', '异质结（HJT）组件封装胶膜开发', 'TOPCon双玻组件封装胶膜开发'],
  },
  {
    q: '伺服馬達 釹鐵硼',
    kind: 'variant',
    expect: ['伺服电机用烧结钕铁硼永磁体晶界扩散技术攻关'],
    note: 'Taiwan: 馬達 → 电机',
  },
  // Near-synonyms of an industry.
  {
    q: '氢能',
    kind: 'synonym',
    expect: [
      '氢能重卡热管理用电子水泵无刷电机及控制器',
      '燃料电池发动机用电子水泵无刷电机及控制器',
      '工业级固定翼无人机长航时氢燃料电池动力系统',
      '工业级多旋翼无人机长航时氢燃料电池动力系统',
      '工业级垂直起降固定翼无人机长航时氢燃料电池动力系统',
    ],
    note: '氢能 ↔ 氢燃料 ↔ 燃料电池',
  },
  {
    q: '增材制造 钛合金',
    kind: 'synonym',
    expect: ['钛合金航空结构件选区激光熔化（SLM）成形工艺'],
    note: '增材制造 ↔ 3D打印',
  },
];

/**
 * The judged precision set: queries, including broad ones and words no need holds, with what makes
 * a result relevant. A result is relevant when its title, keywords or summary hold, for every
 * group, at least one of the group's words (hand-written from reading the catalogue: 氢氟酸 is no
 * hydrogen energy, 双歧杆菌 no 双极板). precision@3 counts the relevant results among the first
 * three returned; a query answered with nothing scores 1 when no need of the index is relevant.
 */
export interface PrecisionQuery {
  q: string;
  relevant: string[][];
  note?: string;
}

export const PRECISION_QUERIES: PrecisionQuery[] = [
  { q: '双极板', relevant: [['双极板']], note: 'no need holds it: nothing, not 双歧杆菌, is the answer' },
  { q: '芯 片', relevant: [['芯片', '集成电路']], note: 'a word typed apart' },
  { q: '芯片', relevant: [['芯片', '集成电路']] },
  { q: '晶片', relevant: [['芯片', '集成电路']] },
  { q: '感測器', relevant: [['传感器']] },
  { q: '電池', relevant: [['电池']] },
  { q: '雷射', relevant: [['激光']] },
  { q: '氢能', relevant: [['氢能', '氢燃料', '燃料电池']] },
  { q: '燃料电池', relevant: [['燃料电池', '氢能', '氢燃料']], note: 'hydrogen trucks run on fuel cells; not 乏燃料' },
  { q: 'battery', relevant: [['电池']] },
  { q: 'sensor', relevant: [['传感器']] },
  { q: 'chip', relevant: [['芯片', '集成电路']] },
  { q: 'hydrogen', relevant: [['氢能', '氢燃料', '储氢']] },
  { q: 'Beidou', relevant: [['北斗']] },
  { q: 'fuel cell', relevant: [['燃料电池']] },
  { q: 'rare earth', relevant: [['稀土']] },
  { q: 'magnet', relevant: [['磁体', '永磁']] },
  { q: 'lithium', relevant: [['锂']] },
  { q: 'photovoltaic', relevant: [['光伏', '太阳能', '电池片']] },
  { q: 'drone', relevant: [['无人机']] },
  { q: 'robot', relevant: [['机器人']] },
  { q: 'laser welding', relevant: [['激光'], ['焊接']] },
  { q: 'rare earth magnet', relevant: [['稀土'], ['磁体', '永磁']] },
  { q: 'drone battery', relevant: [['无人机'], ['电池']] },
  { q: 'nuclear', relevant: [['核']] },
  { q: 'vaccine', relevant: [['疫苗']] },
  { q: '电池', relevant: [['电池']] },
  { q: '激光', relevant: [['激光']] },
  { q: '稀土', relevant: [['稀土']] },
  { q: '机器人', relevant: [['机器人']] },
  { q: '传感器', relevant: [['传感器']] },
  { q: '锂电池 热失控', relevant: [['锂'], ['热失控']] },
  { q: '北斗 芯片', relevant: [['北斗'], ['芯片']] },
  { q: '无人机 电池', relevant: [['无人机'], ['电池']] },
  { q: '医学影像', relevant: [['医学影像']] },
  { q: '茶叶', relevant: [['茶']] },
  { q: '石墨烯 散热', relevant: [['石墨烯'], ['散热', '导热']] },
  { q: '钠电', relevant: [['钠离子电池']] },
  { q: '量子计算', relevant: [['量子计算']], note: 'no need holds it' },
  { q: '燃料电池双极板', relevant: [['双极板']], note: 'no need holds 双极板' },
  { q: '钕铁硼 厂家', relevant: [['钕铁硼']], note: 'no need holds both terms typed apart: the first one' },
  { q: '激光雷达 港口 国产化', relevant: [['激光雷达'], ['港口']] },
];
