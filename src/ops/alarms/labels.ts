/** Names of what alarms carry (steps, actions, departments, severities), through i18n. */
import type { TFunction } from 'i18next';
import type { Language } from '../../map/layer-contract';
import type { LocalizedText } from '../../data/schemas';

export function departmentName(t: TFunction, department: string): string {
  // A department the demo city does not know is shown by its id rather than hidden.
  return t(`alarms.departments.${department}`, { defaultValue: department });
}

export function stepName(t: TFunction, step: string): string {
  return t(`alarms.step.${step}`, { defaultValue: step });
}

export function actionName(t: TFunction, action: string): string {
  return t(`alarms.action.${action}`, { defaultValue: action });
}

export function severityName(t: TFunction, severity: number): string {
  return t(`alarms.severity.${severity}`, { defaultValue: String(severity) });
}

export function localizedName(text: LocalizedText, language: Language): string {
  return (language === 'zh-CN' ? text.zh : text.en) || text.en || text.zh;
}
