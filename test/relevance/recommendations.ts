/**
 * Hand-judged fit between demo teams and demo needs (the 2023 catalogue of libs/demo), for
 * `test/e2e/recommendations.e2e.ts`. Judged from each team's research fields (teams.ts) against
 * the needs' topics (catalogue/topics): a team fits a need when one of its fields names the need's
 * technology, as the demo's own bidding plan reasons (affinity.ts).
 */

/**
 * Needs for a team: the team (its name in teams.ts) and fragments of the titles of the topics it
 * fits; every catalogue need whose title holds one is a judged pair.
 */
export const TEAM_NEEDS: Array<{ team: string; topics: string[] }> = [
  {
    team: '科技城先进材料研究院（示例）',
    topics: ['高温钐钴永磁体', '高温合金电渣重熔', '超薄热轧扁钢', '特种钢洁净化冶炼', '钕铁硼'],
  },
  { team: '蜀中理工大学稀土永磁研究中心（示例）', topics: ['钕铁硼', '高温钐钴永磁体'] },
  {
    team: '西蜀科技大学核技术应用研究所（示例）',
    topics: ['辐射探测器', '电子加速器辐照加工', '辐射屏蔽材料', '减容与固化处理'],
  },
  {
    team: '天府农业大学食品工程学院（示例）',
    topics: ['低盐发酵工艺', '超高压非热杀菌', '农药残留快速检测', '益生菌高密度发酵'],
  },
  {
    team: '川西工学院激光应用实验室（示例）',
    topics: ['激光焊接工艺', '激光熔覆再制造', '激光清洗装备', '选区激光熔化'],
  },
  {
    team: '岷江大学光伏储能研究中心（示例）',
    topics: ['单晶电池片', '钠离子电池正极', '固态电解质及固态电池', '硅碳负极', '磷酸铁锂电池低温'],
  },
  {
    team: '嘉陵大学卫星导航工程中心（示例）',
    topics: ['北斗高精度定位终端', '组合导航系统', '卫星导航抗干扰天线', '时空大数据平台'],
  },
  {
    team: '蜀南理工大学无人机系统研究所（示例）',
    topics: ['无人机集群协同控制', '冗余飞控系统', '感知避障系统', '抗干扰数据链'],
  },
  {
    team: '科技城同位素与核医学研究院（示例）',
    topics: ['同位素分离纯化', '放射性药物自动化合成', '医用回旋加速器', '紧凑型加速器中子源'],
  },
  { team: '涪城食品发酵研究所（示例）', topics: ['白酒', '低盐发酵工艺', '苔子茶'] },
  { team: '蜀芯微电子设计有限公司（示例）', topics: ['车规级MCU芯片', '电源管理芯片', '高精度ADC芯片'] },
  {
    team: '晶驰半导体装备有限公司（示例）',
    topics: ['碳化硅（SiC）MOSFET功率模块', 'IGBT芯片及模块', '自动化测试（ATE）', '提纯工艺开发'],
  },
  { team: '显界光电材料有限公司（示例）', topics: ['偏光片', '量子点色转换膜', '超薄玻璃', '液晶光配向'] },
  { team: '川工精密机械有限公司（示例）', topics: ['高速精密轴承', '高压柱塞泵', '航空钣金件'] },
];

/** Teams for a need: a catalogue need's exact title and the teams (names in teams.ts) that fit it. */
export const NEED_TEAMS: Array<{ need: string; teams: string[] }> = [
  {
    need: '伺服电机用烧结钕铁硼永磁体晶界扩散技术攻关',
    teams: ['蜀中理工大学稀土永磁研究中心（示例）', '科技城先进材料研究院（示例）'],
  },
  {
    need: '石油随钻测井仪器用高温钐钴永磁体研制',
    teams: ['蜀中理工大学稀土永磁研究中心（示例）', '科技城先进材料研究院（示例）'],
  },
  { need: '川北特色泡菜低盐发酵工艺', teams: ['涪城食品发酵研究所（示例）', '天府农业大学食品工程学院（示例）'] },
  { need: '医用回旋加速器束流引出效率提升', teams: ['科技城同位素与核医学研究院（示例）'] },
  { need: '面向智能座舱的车规级MCU芯片功能安全设计', teams: ['蜀芯微电子设计有限公司（示例）'] },
  { need: '光伏电站无人机巡检缺陷智能识别', teams: ['云翼无人机系统有限公司（示例）'] },
  { need: '不锈钢薄板激光焊接工艺与质量在线监测', teams: ['川西工学院激光应用实验室（示例）'] },
  { need: '汽轮机叶片激光熔覆再制造技术', teams: ['川西工学院激光应用实验室（示例）'] },
  { need: '核设施表面去污激光清洗装备开发', teams: ['川西工学院激光应用实验室（示例）'] },
  { need: '城市峡谷车载北斗/惯性组合导航系统', teams: ['嘉陵大学卫星导航工程中心（示例）'] },
  { need: '灯光表演无人机集群协同控制', teams: ['蜀南理工大学无人机系统研究所（示例）'] },
  { need: 'TFT-LCD电视用偏光片国产化开发', teams: ['显界光电材料有限公司（示例）'] },
  { need: '挖掘机高压柱塞泵关键摩擦副寿命提升', teams: ['川工精密机械有限公司（示例）'] },
  { need: '新能源汽车主驱碳化硅（SiC）MOSFET功率模块封装', teams: ['晶驰半导体装备有限公司（示例）'] },
  { need: '大型储能电站电池管理系统（BMS）开发', teams: ['锂源储能技术有限公司（示例）'] },
  { need: '白酒丢糟高值化综合利用', teams: ['涪城食品发酵研究所（示例）'] },
  { need: '聚合物固态电解质及固态电池开发', teams: ['岷江大学光伏储能研究中心（示例）'] },
  {
    need: '5G手机射频前端芯片设计',
    teams: ['川渝电子科学研究院（示例）', '巴蜀工业大学集成电路学院（示例）'],
  },
  { need: '猪圆环病毒3型兽用疫苗研制', teams: ['康岳生物技术有限公司（示例）'] },
  {
    need: '消费电子锂离子电池硅碳负极材料',
    teams: ['绵州学院功能材料研究所（示例）', '岷江大学光伏储能研究中心（示例）'],
  },
  { need: '北斗三号短报文通信模块小型化设计', teams: ['星途北斗科技有限公司（示例）'] },
  { need: '5G通信网络北斗卫星授时与时间同步系统', teams: ['川北精密测控研究所（示例）'] },
  { need: '电动汽车换电站锂电池热失控早期预警与防控', teams: ['四川储能材料工程研究院（示例）'] },
  { need: '中大型固定翼无人机重油活塞发动机', teams: ['凌霄航空动力科技有限公司（示例）'] },
  {
    need: '厚板切割用万瓦级光纤激光器研制',
    teams: ['天府激光技术研究院（示例）', '朗辉激光科技有限公司（示例）'],
  },
  { need: '丘陵茶园植保无人机变量喷施系统', teams: ['云翼无人机系统有限公司（示例）'] },
  { need: '无载体钇-90同位素分离纯化', teams: ['科技城同位素与核医学研究院（示例）'] },
];
