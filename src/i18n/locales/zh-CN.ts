import type { Messages } from './en';

export const zhCN: Messages = {
  app: {
    title: '城市运行一张图',
    subtitle: '城市运行 · 一网统管',
    loading: '正在加载城市数据…',
    demo: '演示城市',
  },
  language: { label: '语言', 'zh-CN': '中文', en: 'English' },
  layers: {
    title: '图层',
    show: '显示{{name}}',
    opacity: '{{name}}透明度',
    legend: '图例',
    allInDomain: '{{name}}全部图层',
  },
  status: {
    loading: '加载中…',
    live: '实时 · {{age}}',
    stale: '数据过期 · 最后更新 {{age}}',
    error: '错误：{{message}}',
    errorKeptData: '错误：{{message}} · 显示 {{age}} 的数据',
    retrying: '正在自动重试',
    hidden: '已隐藏',
    notInCatalog: '数据源未提供',
  },
  counts: {
    alarm_one: '{{count}} 处报警',
    alarm_other: '{{count}} 处报警',
    warning_one: '{{count}} 处预警',
    warning_other: '{{count}} 处预警',
  },
  age: {
    justNow: '刚刚',
    seconds: '{{count}} 秒前',
    minutes: '{{count}} 分钟前',
    hours: '{{count}} 小时前',
  },
  details: {
    title: '详情',
    close: '关闭详情',
    id: '编号',
    layer: '图层',
    observedAt: '观测时间',
    gone: '数据源已不再报告该要素。',
  },
  errors: {
    config: '运行配置无效',
    catalog: '无法加载图层目录',
    basemap: '底图不可用',
    startup: '系统无法启动',
    retry: '重试',
  },
  map: { label: '城市地图', noWebgl: '此浏览器无法绘制地图（WebGL 不可用）。' },
};
