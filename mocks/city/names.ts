/**
 * Names of the fictional city, in Chinese and English. Roads follow a common Chinese pattern:
 * north–south roads after provinces, east–west roads after cities, side streets numbered after
 * the main road before them (四川一支路 / Sichuan 1st Branch Road).
 */
import type { LocalizedText } from '../../src/data/schemas';

export type NamePair = readonly [zh: string, en: string];

export const CITY_NAMES: readonly NamePair[] = [
  ['临江', 'Linjiang'],
  ['云澜', 'Yunlan'],
  ['澄湾', 'Chengwan'],
  ['明川', 'Mingchuan'],
  ['青溪', 'Qingxi'],
  ['锦岸', 'Jin’an'],
];

export const DISTRICT_ROOTS: readonly NamePair[] = [
  ['东湖', 'Donghu'],
  ['滨江', 'Binjiang'],
  ['南城', 'Nancheng'],
  ['北塘', 'Beitang'],
  ['西岭', 'Xiling'],
  ['金桥', 'Jinqiao'],
  ['青石', 'Qingshi'],
  ['望江', 'Wangjiang'],
  ['梅林', 'Meilin'],
  ['云溪', 'Yunxi'],
  ['新港', 'Xingang'],
  ['桃源', 'Taoyuan'],
];

/** Roots of north–south road names. */
export const PROVINCE_ROOTS: readonly NamePair[] = [
  ['四川', 'Sichuan'],
  ['西藏', 'Xizang'],
  ['河南', 'Henan'],
  ['江西', 'Jiangxi'],
  ['山东', 'Shandong'],
  ['浙江', 'Zhejiang'],
  ['福建', 'Fujian'],
  ['湖南', 'Hunan'],
  ['湖北', 'Hubei'],
  ['广东', 'Guangdong'],
  ['广西', 'Guangxi'],
  ['云南', 'Yunnan'],
  ['贵州', 'Guizhou'],
  ['陕西', 'Shaanxi'],
  ['山西', 'Shanxi'],
  ['甘肃', 'Gansu'],
  ['青海', 'Qinghai'],
  ['吉林', 'Jilin'],
  ['辽宁', 'Liaoning'],
  ['河北', 'Hebei'],
  ['安徽', 'Anhui'],
  ['江苏', 'Jiangsu'],
  ['宁夏', 'Ningxia'],
  ['海南', 'Hainan'],
];

/** Roots of east–west road names. */
export const CITY_ROOTS: readonly NamePair[] = [
  ['人民', 'Renmin'],
  ['南京', 'Nanjing'],
  ['北京', 'Beijing'],
  ['福州', 'Fuzhou'],
  ['广州', 'Guangzhou'],
  ['汉口', 'Hankou'],
  ['九江', 'Jiujiang'],
  ['天津', 'Tianjin'],
  ['宁波', 'Ningbo'],
  ['苏州', 'Suzhou'],
  ['杭州', 'Hangzhou'],
  ['长沙', 'Changsha'],
  ['成都', 'Chengdu'],
  ['重庆', 'Chongqing'],
  ['西安', 'Xi’an'],
  ['厦门', 'Xiamen'],
  ['青岛', 'Qingdao'],
  ['大连', 'Dalian'],
  ['昆明', 'Kunming'],
  ['兰州', 'Lanzhou'],
  ['济南', 'Jinan'],
  ['沈阳', 'Shenyang'],
  ['合肥', 'Hefei'],
  ['南昌', 'Nanchang'],
];

export const RIVER_NAMES: readonly NamePair[] = [
  ['澄江', 'Cheng River'],
  ['玉带河', 'Yudai River'],
  ['锦江', 'Jin River'],
  ['青龙江', 'Qinglong River'],
];

export const LAKE_ROOTS: readonly NamePair[] = [
  ['月湖', 'Yuehu'],
  ['镜湖', 'Jinghu'],
  ['翠湖', 'Cuihu'],
  ['明湖', 'Minghu'],
];

export const PLAZA_NAMES: readonly NamePair[] = [
  ['人民广场', 'People’s Square'],
  ['世纪广场', 'Century Square'],
  ['市民广场', 'Citizens’ Square'],
  ['时代广场', 'Times Square'],
  ['文化广场', 'Culture Square'],
  ['和平广场', 'Peace Square'],
  ['五一广场', 'Wuyi Square'],
  ['新华广场', 'Xinhua Square'],
  ['东方广场', 'Oriental Square'],
  ['金融广场', 'Finance Square'],
  ['滨江广场', 'Riverside Square'],
  ['中心广场', 'Central Square'],
];

export const VENUE_KINDS: readonly NamePair[] = [
  ['体育中心', 'Sports Centre'],
  ['大剧院', 'Grand Theatre'],
  ['会展中心', 'Exhibition Centre'],
  ['体育馆', 'Arena'],
  ['音乐厅', 'Concert Hall'],
  ['博物馆', 'Museum'],
  ['科技馆', 'Science Museum'],
];

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function zhNumeral(n: number): string {
  if (n <= 10) return ZH_NUMERALS[n] ?? String(n);
  if (n < 20) return `十${ZH_NUMERALS[n - 10] ?? ''}`;
  return String(n);
}

export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export function text(pair: NamePair): LocalizedText {
  return { zh: pair[0], en: pair[1] };
}

export const roadName = (root: NamePair): LocalizedText => ({
  zh: `${root[0]}路`,
  en: `${root[1]} Road`,
});

export const elevatedRoadName = (root: NamePair): LocalizedText => ({
  zh: `${root[0]}高架路`,
  en: `${root[1]} Elevated Road`,
});

export const INNER_RING_NAME: LocalizedText = { zh: '内环高架路', en: 'Inner Ring Elevated Road' };

export const branchRoadName = (root: NamePair, n: number): LocalizedText => ({
  zh: `${root[0]}${zhNumeral(n)}支路`,
  en: `${root[1]} ${ordinal(n)} Branch Road`,
});
