import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/contract';

const LABELS = {
  km: {
    file: 'ឯកសារ',
    quit: 'ចាកចេញ',
    view: 'មើល',
    zoomIn: 'ពង្រីក',
    zoomOut: 'បង្រួម',
    zoomReset: 'ទំហំដើម',
    fullScreen: 'ពេញអេក្រង់',
    help: 'ជំនួយ',
    about: 'អំពីសហគមន៍',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    view: 'View',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    fullScreen: 'Full screen',
    help: 'Help',
    about: 'About Sahakum',
  },
} satisfies Record<Language, Record<string, string>>;

/** The application menu in the language the user chose in the app. */
export function menuTemplate(language: Language, onAbout: () => void): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  return [
    { label: t.file, submenu: [{ label: t.quit, role: 'quit' }] },
    {
      label: t.view,
      submenu: [
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.zoomReset, role: 'resetZoom' },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: t.help, submenu: [{ label: t.about, click: onAbout }] },
  ];
}
