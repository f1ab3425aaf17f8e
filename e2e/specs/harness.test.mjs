// End-to-end through the built renderer and the real services (test harness, Chromium):
// drop documents → progress → results → report with highlights → reject a finding → history → integrity.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, shot, startHarness } from '../lib.mjs';

const CORPUS = '/work/shared/corpus/dev';
const FILES = ['003-laudo.txt', '002-receita.txt', '004-alta.pdf'];

let harness;
let browser;
let page;
const consoleErrors = [];

before(async () => {
  harness = await startHarness();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${harness.url}#token=${harness.token}`);
});

after(async () => {
  await browser?.close();
  await harness?.stop();
});

test('the API refuses requests without the token', async () => {
  const res = await fetch(new URL('__sigilo/invoke', harness.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'appInfo' }) });
  assert.equal(res.status, 403);
  const traversal = await fetch(new URL('/%2e%2e/%2e%2e/package.json', harness.url));
  assert.equal(traversal.status, 404);
});

test('empty start screen, in Portuguese', async () => {
  await page.getByRole('heading', { name: 'Analisar documentos' }).waitFor();
  await page.getByText('Nenhum documento analisado ainda').waitFor();
  assert.equal(await page.evaluate(() => typeof window.sigilo?.analysisStart), 'function');
  await shot(page, '01-analisar-vazio');
});

test('dropping documents shows progress, then results with risk badges', async () => {
  const files = [...FILES.map((name) => ({ name, bytes: [...readFileSync(path.join(CORPUS, name))] })), { name: 'vazio.txt', bytes: [] }];
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files);
  await page.dispatchEvent('[data-testid="dropzone"]', 'drop', { dataTransfer });
  await page.getByTestId('queue').waitFor();
  await page.getByRole('progressbar', { name: 'Progresso geral' }).waitFor();
  await shot(page, '02-fila-progresso');
  const total = FILES.length + 1;
  await page.getByText(`${total} de ${total} concluídos`).waitFor({ timeout: 120_000 });
  const rows = page.getByTestId('result-row');
  await rows.nth(total - 1).waitFor();
  assert.equal(await rows.count(), total);
  // the file that could not be analysed says why, in Portuguese
  await page.getByText('O arquivo está vazio.').waitFor();
  await rows.last().scrollIntoViewIfNeeded();
  await shot(page, '03b-resultado-com-erro');
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  const firstBadge = await rows.first().locator('.risk-badge').innerText();
  assert.match(firstBadge, /Risco (Nenhum|Baixo|Médio|Alto|Crítico)/);
  await shot(page, '03-resultados');
});

test('a report highlights the findings and a finding can be rejected', async () => {
  await page.getByRole('button', { name: /Abrir relatório de 003-laudo\.txt/ }).click();
  await page.getByTestId('doc-text').waitFor();
  const marks = page.locator('[data-testid="doc-text"] mark');
  assert.ok(await marks.count() > 0, 'highlights in the text');
  await assert.doesNotReject(marks.first().waitFor({ state: 'visible' }));
  // keyboard navigation: n moves the focus ring to the next finding
  await page.keyboard.press('n');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-finding'));
  assert.ok(focused !== null && focused !== undefined, 'a finding has focus after pressing n');
  await shot(page, '04-relatorio');

  const item = page.getByTestId('finding').first();
  const index = await item.getAttribute('data-index');
  await item.getByRole('button', { name: 'Rejeitar' }).click();
  await item.getByText('Rejeitado (não entra nas exportações)').waitFor();
  assert.equal(await page.locator(`mark[data-finding="${index}"]`).getAttribute('class').then((c) => c.includes('rejected')), true);
  await shot(page, '05-achado-rejeitado');
});

test('the analysis report PDF can be exported', async () => {
  await page.getByTestId('export-report').click();
  await page.getByText(/Arquivo salvo em .*relatorio-analise\.pdf/).waitFor({ timeout: 60_000 });
});

test('history shows the entries, the chart, and verifies integrity', async () => {
  await page.getByTestId('nav-history').click();
  await page.getByRole('heading', { name: 'Histórico de auditoria' }).waitFor();
  const table = page.getByTestId('history-table');
  await table.waitFor();
  assert.ok(await table.locator('tbody tr').count() >= FILES.length);
  await page.locator('.chart svg').waitFor();
  await page.getByTestId('verify').click();
  await page.getByText(/Integridade confirmada/).waitFor({ timeout: 30_000 });
  await shot(page, '06-historico');
});

test('plugins screen lists the bundled detectors', async () => {
  await page.getByTestId('nav-plugins').click();
  await page.getByTestId('plugins').waitFor();
  assert.ok(await page.locator('.plugin').count() >= 1);
  await shot(page, '07-detectores');
});

test('settings screen saves and switches the language', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByRole('heading', { name: 'Configurações' }).waitFor();
  await shot(page, '08-configuracoes');
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByTestId('nav-analyse').click();
  await page.getByRole('heading', { name: 'Analyse documents' }).waitFor();
  await shot(page, '10-english');
  await page.getByTestId('nav-settings').click();
  await page.getByLabel('Language').selectOption('pt-BR');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Configurações' }).waitFor();
});

test('looks right in a larger window, and the report of a history entry opens', async () => {
  await page.setViewportSize({ width: 1680, height: 1050 });
  await page.getByTestId('nav-history').click();
  await page.getByTestId('history-table').waitFor();
  await page.getByRole('button', { name: 'Abrir relatório' }).first().click();
  await page.getByTestId('doc-text').waitFor();
  await page.getByRole('button', { name: 'Voltar ao histórico' }).waitFor();
  await shot(page, '09-relatorio-janela-grande');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('no errors in the page console', () => {
  assert.deepEqual(consoleErrors, []);
});
