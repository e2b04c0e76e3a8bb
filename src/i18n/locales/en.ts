export const en = {
  app: {
    title: 'CityOps',
    subtitle: 'City operations, one map',
    loading: 'Loading the city…',
    demo: 'Demo city',
  },
  language: { label: 'Language', 'zh-CN': '中文', en: 'English' },
  layers: {
    title: 'Layers',
    show: 'Show {{name}}',
    opacity: 'Opacity of {{name}}',
    legend: 'Legend',
    allInDomain: 'All layers of {{name}}',
  },
  status: {
    loading: 'Loading…',
    live: 'Live · {{age}}',
    stale: 'Stale · last data {{age}}',
    error: 'Error: {{message}}',
    errorKeptData: 'Error: {{message}} · showing data from {{age}}',
    retrying: 'retrying automatically',
    hidden: 'Hidden',
    notInCatalog: 'Not offered by the source',
  },
  counts: {
    alarm_one: '{{count}} alarm',
    alarm_other: '{{count}} alarms',
    warning_one: '{{count}} warning',
    warning_other: '{{count}} warnings',
  },
  age: {
    justNow: 'just now',
    seconds: '{{count}} s ago',
    minutes: '{{count}} min ago',
    hours: '{{count}} h ago',
  },
  details: {
    title: 'Details',
    close: 'Close details',
    id: 'ID',
    layer: 'Layer',
    observedAt: 'Observed',
    gone: 'This feature is no longer reported by the source.',
  },
  errors: {
    config: 'The runtime configuration is invalid',
    catalog: 'Could not load the list of layers',
    basemap: 'Base map unavailable',
    startup: 'CityOps could not start',
    retry: 'Retry',
  },
  map: { label: 'City map', noWebgl: 'This browser cannot draw the map (WebGL is unavailable).' },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
