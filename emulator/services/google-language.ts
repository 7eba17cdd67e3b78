/**
 * The language Apps Script words its exception messages in. Apps Script translates them into the user's
 * language; only names such as the service `urlfetch` and the URLs stay as they are (translated daily-quota texts
 * in public issue threads, e.g. a Persian one ending in `urlfetch`, and a Japanese permission error:
 * docs/SOURCES.md#messages-translated). Google publishes none of the translations: the French, German, Persian
 * and Japanese texts below are plausible samples written for the tests, not Google's words. They exist so that no
 * test can pass by recognising an English sentence.
 */
export const GOOGLE_LANGUAGES = ['en', 'fr', 'de', 'fa', 'ja'] as const;
export type GoogleLanguage = (typeof GOOGLE_LANGUAGES)[number];

export interface GoogleMessages {
  dailyQuota: string;
  shortTimeQuota: string;
  dnsError(url: string): string;
  timeout(url: string): string;
  addressUnavailable(url: string): string;
  notAllowlisted(url: string): string;
  /** A Workspace administrator's allowlist of outside hosts refused the request (no published wording). */
  blockedByAdmin(url: string): string;
  /** What ScriptApp.requireScopes throws when a scope was not granted. */
  authorizationRequired: string;
}

export const GOOGLE_MESSAGES: Record<GoogleLanguage, GoogleMessages> = {
  en: {
    dailyQuota: 'Service invoked too many times for one day: urlfetch.',
    shortTimeQuota:
      'Service invoked too many times in a short time: urlfetch. Try Utilities.sleep(1000) between calls.',
    dnsError: (url) => `DNS error: ${url}`,
    timeout: (url) => `Timeout: ${url}`,
    addressUnavailable: (url) => `Address unavailable: ${url}`,
    notAllowlisted: (url) =>
      `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
    blockedByAdmin: (url) => `Request to ${url} was blocked by your organization's administrator.`,
    authorizationRequired: 'Authorization is required to perform that action.',
  },
  fr: {
    dailyQuota: 'Service appelé trop de fois en une journée : urlfetch.',
    shortTimeQuota:
      'Service appelé trop de fois en peu de temps : urlfetch. Essayez Utilities.sleep(1000) entre les appels.',
    dnsError: (url) => `Erreur DNS : ${url}`,
    timeout: (url) => `Délai dépassé : ${url}`,
    addressUnavailable: (url) => `Adresse indisponible : ${url}`,
    notAllowlisted: (url) =>
      `La requête vers ${url} a échoué, car l'URL ne figure pas dans la liste d'autorisation du fichier manifeste.`,
    blockedByAdmin: (url) => `La requête vers ${url} a été bloquée par l'administrateur de votre organisation.`,
    authorizationRequired: 'Une autorisation est nécessaire pour effectuer cette action.',
  },
  de: {
    dailyQuota: 'Dienst wurde an einem Tag zu oft aufgerufen: urlfetch.',
    shortTimeQuota:
      'Dienst wurde in kurzer Zeit zu oft aufgerufen: urlfetch. Versuchen Sie Utilities.sleep(1000) zwischen den Aufrufen.',
    dnsError: (url) => `DNS-Fehler: ${url}`,
    timeout: (url) => `Zeitüberschreitung: ${url}`,
    addressUnavailable: (url) => `Adresse nicht verfügbar: ${url}`,
    notAllowlisted: (url) =>
      `Die Anfrage an ${url} ist fehlgeschlagen, weil die URL nicht im Skriptmanifest zugelassen wurde.`,
    blockedByAdmin: (url) => `Die Anfrage an ${url} wurde vom Administrator Ihrer Organisation blockiert.`,
    authorizationRequired: 'Für diese Aktion ist eine Autorisierung erforderlich.',
  },
  fa: {
    dailyQuota: 'سرویس در یک روز بیش از حد مجاز فراخوانی شده است: urlfetch.',
    shortTimeQuota:
      'سرویس در مدت کوتاهی بیش از حد مجاز فراخوانی شده است: urlfetch. بین فراخوانی‌ها Utilities.sleep(1000) را امتحان کنید.',
    dnsError: (url) => `خطای DNS: ${url}`,
    timeout: (url) => `مهلت زمانی به پایان رسید: ${url}`,
    addressUnavailable: (url) => `نشانی در دسترس نیست: ${url}`,
    notAllowlisted: (url) => `درخواست به ${url} انجام نشد، زیرا این نشانی در مانیفست اسکریپت مجاز نشده است.`,
    blockedByAdmin: (url) => `درخواست به ${url} توسط سرپرست سازمان شما مسدود شد.`,
    authorizationRequired: 'برای انجام این کار مجوز لازم است.',
  },
  ja: {
    dailyQuota: '1 日にサービスを呼び出せる回数の上限を超えました: urlfetch。',
    shortTimeQuota:
      '短時間にサービスを呼び出した回数が多すぎます: urlfetch。呼び出しの間に Utilities.sleep(1000) を入れてください。',
    dnsError: (url) => `DNS エラー: ${url}`,
    timeout: (url) => `タイムアウト: ${url}`,
    addressUnavailable: (url) => `アドレスを利用できません: ${url}`,
    notAllowlisted: (url) =>
      `${url} へのリクエストは、URL がスクリプト マニフェストで許可されていないため失敗しました。`,
    blockedByAdmin: (url) => `${url} へのリクエストは組織の管理者によってブロックされました。`,
    authorizationRequired: 'この操作を実行するには承認が必要です。',
  },
};
