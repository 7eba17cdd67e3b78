// The user's settings, in their own user properties (never script properties: those are shared by every
// user of the add-on). The security code is kept apart and never returned to the sidebar.
import { SaveSettingsAnswer, SettingsView } from '../shared/api';
import { Settings, settingsFromStorage, validateSettingsInput } from '../core/settings';
import { ALLOWED_URL_PREFIXES } from './manifest';

const SETTINGS_KEY = 'settings';
const SECURITY_CODE_KEY = 'aodocsSecurityCode';

export function readSettings(): Settings {
  return settingsFromStorage(PropertiesService.getUserProperties().getProperty(SETTINGS_KEY), ALLOWED_URL_PREFIXES);
}

export function readSecurityCode(): string | null {
  return PropertiesService.getUserProperties().getProperty(SECURITY_CODE_KEY);
}

function view(settings: Settings, securityCodeSaved: boolean): SettingsView {
  return { ...settings, securityCodeSaved, allowedUrlPrefixes: ALLOWED_URL_PREFIXES };
}

export function getSettings(): SettingsView {
  return view(readSettings(), readSecurityCode() !== null);
}

export function saveSettings(input: unknown): SaveSettingsAnswer {
  const checked = validateSettingsInput(input, ALLOWED_URL_PREFIXES);
  if (!checked.ok) return checked;
  const properties = PropertiesService.getUserProperties();
  properties.setProperty(SETTINGS_KEY, JSON.stringify(checked.settings));
  if (checked.securityCode === '') properties.deleteProperty(SECURITY_CODE_KEY);
  else if (checked.securityCode !== undefined) properties.setProperty(SECURITY_CODE_KEY, checked.securityCode);
  const saved =
    checked.securityCode === undefined
      ? properties.getProperty(SECURITY_CODE_KEY) !== null
      : checked.securityCode !== '';
  return { ok: true, settings: view(checked.settings, saved) };
}
