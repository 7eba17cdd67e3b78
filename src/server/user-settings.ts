// The user's settings, stored in their own user properties (never script properties: those are shared by
// every user of the add-on).
import { Settings, settingsFromStorage } from '../core/settings';

export const SETTINGS_KEY = 'settings';

export function readSettings(): Settings {
  return settingsFromStorage(PropertiesService.getUserProperties().getProperty(SETTINGS_KEY));
}
