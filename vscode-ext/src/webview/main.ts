// The sidebar webview: plain DOM in VS Code's own look (theme variables, codicons). It holds no secret and
// makes no network call; every action is a typed request to the extension host (../protocol.ts).
import { tabIndexAfterKey } from '@iot-devkit/core';
import type { InitialState, ProfileView } from '../protocol.js';
import { h, icon, loadStrings, replaceChildren, t } from './dom.js';
import { errorsPanel } from './errorsPanel.js';
import { onNotification, request } from './hostClient.js';
import { ruleSqlPanel } from './ruleSqlPanel.js';
import { sendPanel } from './sendPanel.js';
import { signPanel } from './signPanel.js';

function profileBar(initial: ProfileView | undefined): HTMLElement {
  const bar = h('div', { id: 'profile', class: 'profile' });
  const render = (profile: ProfileView | undefined) => {
    const add = h('button', { type: 'button', class: 'icon-button', title: t('addProfile'), 'aria-label': t('addProfile') }, icon('add'));
    add.addEventListener('click', () => void request('runCommand', { command: 'addProfile' }));
    const change = h('button', { type: 'button', class: 'icon-button', title: t('switchProfile'), 'aria-label': t('switchProfile') }, icon('account'));
    change.addEventListener('click', () => void request('runCommand', { command: 'switchProfile' }));
    const shadow = h('button', { type: 'button', class: 'icon-button', title: t('openShadow'), 'aria-label': t('openShadow') }, icon('edit'));
    shadow.addEventListener('click', () => void request('runCommand', { command: 'openDeviceShadow' }));
    replaceChildren(
      bar,
      h(
        'div',
        { class: 'grow' },
        profile
          ? h(
              'span',
              {},
              h('strong', { id: 'profile-name' }, profile.name),
              ' · ',
              profile.secretId,
              ' · ',
              h('span', { id: 'profile-key' }, profile.secretKeyMasked || '—'),
              ' · ',
              profile.region,
              profile.endpoint ? ` · ${profile.endpoint}` : '',
            )
          : h('span', { class: 'hint' }, t('noProfile')),
      ),
      add,
      change,
      shadow,
    );
  };
  render(initial);
  onNotification('profileChanged', render);
  return bar;
}

async function start(): Promise<void> {
  loadStrings();
  const app = document.getElementById('app')!;
  const initial: InitialState = await request('ready', {});
  const errors = errorsPanel();
  const tabs = [
    { id: 'sign', label: t('tabSign'), panel: signPanel(initial) },
    { id: 'send', label: t('tabSend'), panel: sendPanel(initial, (code) => select('errors', code)) },
    { id: 'errors', label: t('tabErrors'), panel: errors.panel },
    { id: 'rulesql', label: t('tabRuleSql'), panel: ruleSqlPanel() },
  ];
  // An ARIA tablist (WAI-ARIA "Tabs"): one tab in the Tab order (roving tabindex), ←/→/Home/End move and select.
  const buttons = tabs.map((tab) => {
    const button = h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}` }, tab.label);
    button.addEventListener('click', () => select(tab.id));
    tab.panel.setAttribute('aria-labelledby', `tab-${tab.id}`);
    return button;
  });
  function select(id: string, code?: string): void {
    tabs.forEach((tab, i) => {
      const selected = tab.id === id;
      tab.panel.hidden = !selected;
      buttons[i]!.setAttribute('aria-selected', String(selected));
      buttons[i]!.tabIndex = selected ? 0 : -1;
    });
    if (code !== undefined) errors.show(code);
  }
  const tablist = h('nav', { class: 'tabs', role: 'tablist', 'aria-label': t('tabs') }, ...buttons);
  tablist.addEventListener('keydown', (event) => {
    const next = tabIndexAfterKey(event.key, buttons.indexOf(event.target as HTMLButtonElement), buttons.length);
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next]!.id);
    buttons[next]!.focus();
  });
  replaceChildren(app, h('header', { class: 'sticky' }, profileBar(initial.profile), tablist), ...tabs.map((tab) => tab.panel));
  select('sign');
}

void start();
