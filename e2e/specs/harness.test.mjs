// End-to-end through the built renderer and the real services (test harness, Chromium):
// drop documents → progress → results → report with highlights → reject a finding → history → integrity.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, root, shot, startHarness } from '../lib.mjs';

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
  await marks.first().waitFor({ state: 'visible' });
  assert.ok(await marks.count() > 0, 'highlights in the text');
  // keyboard navigation: n moves the focus ring to the next finding
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-finding') != null, undefined, { timeout: 5000 });
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

test('the whole batch is exported into one folder: redacted copies (one pseudonym table) and forms', async () => {
  await page.getByTestId('nav-analyse').click();
  await page.getByTestId('batch-toggle').click();
  const panel = page.getByTestId('batch-export');
  await panel.waitFor();
  await panel.getByText('4 documentos nesta sessão').waitFor();
  assert.equal(await page.getByTestId('batch-mode').inputValue(), 'pseudonym');
  await page.getByTestId('batch-form-consent').check();
  await page.getByTestId('batch-form-ripd').check();
  await page.getByTestId('batch-form-record').check();
  await page.getByTestId('batch-run').click();
  const summary = page.getByTestId('batch-summary');
  await summary.waitFor({ timeout: 90_000 });
  await summary.getByText('3 cópia(s) anonimizada(s) e 3 formulário(s) salvos.').waitFor();
  // the empty file could not be analysed: it is listed as not made, with the reason in Portuguese
  await summary.getByText(/Não gerado: Não foi analisado/).waitFor();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, '11-exportar-lote');

  const folder = path.join(harness.dataDir, 'exports', 'lote-1');
  const written = readdirSync(folder).sort();
  assert.deepEqual(written.filter((f) => f.includes('.redigido.')), ['002-receita.redigido.txt', '003-laudo.redigido.txt', '004-alta.redigido.pdf']);
  assert.equal(written.filter((f) => /-lote-\d{4}-\d{2}-\d{2}\.pdf$/.test(f)).length, 3);
  const laudo = readFileSync(path.join(folder, '003-laudo.redigido.txt'), 'utf8');
  assert.match(laudo, /\b(NOME|CPF)_\d+\b/, 'pseudonym tokens in the copy');
  await page.getByTestId('batch-toggle').click();
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

test('history lists every kind of entry and filters by type', async () => {
  const table = page.getByTestId('history-table');
  // the exports of the batch are there, described in one line
  await table.locator('tr[data-type="export"]').first().waitFor();
  await page.getByTestId('history-type').selectOption({ label: 'Exportação' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="history-table"] tbody tr')].every((r) => r.getAttribute('data-type') === 'export'));
  await page.getByText(/Cópia anonimizada de 003-laudo\.txt \(Pseudônimo\)/).waitFor();
  const types = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
  assert.ok(types.length >= 6, `export rows: ${types.length}`);
  assert.deepEqual([...new Set(types)], ['export']);
  await page.getByRole('heading', { name: 'Entradas do histórico' }).scrollIntoViewIfNeeded();
  await page.locator('main').evaluate((m) => m.scrollBy(0, 400));
  await shot(page, '12-historico-exportacoes');
  await page.getByTestId('history-type').selectOption({ label: 'Revisão de achado' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="history-table"] tbody tr')].every((r) => r.getAttribute('data-type') === 'finding_review'));
  await page.getByText(/Achado rejeitado: /).first().waitFor();
  await page.getByRole('button', { name: 'Abrir análise' }).first().click();
  await page.getByTestId('doc-text').waitFor();
  await page.getByRole('button', { name: 'Voltar ao histórico' }).click();
  await page.getByTestId('history-type').selectOption({ label: 'Todos os tipos' });
  await table.locator('tr[data-type="verification"]').first().waitFor();
});

test('plugins screen lists the bundled detectors', async () => {
  await page.getByTestId('nav-plugins').click();
  await page.getByTestId('plugins').waitFor();
  assert.ok(await page.locator('.plugin').count() >= 1);
  await shot(page, '07-detectores');
});

test('a plugin is installed from a folder: trust shown, refused without developer mode, capabilities granted explicitly', async () => {
  // an unsigned copy of the example plugin, under another id, asking for the 'log' capability
  const dir = path.join(harness.root, 'plugin-escolhido');
  cpSync(path.join(root, 'dist', 'plugins', 'c-example'), dir, { recursive: true });
  rmSync(path.join(dir, 'plugin.sig'), { force: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'plugin.json'), 'utf8'));
  writeFileSync(path.join(dir, 'plugin.json'), JSON.stringify({ ...manifest, id: 'amostras-lab', name: 'Amostras do laboratório parceiro', author: 'Laboratório Parceiro', capabilities: ['log'] }, null, 2));

  await page.getByTestId('install-folder').click();
  const candidate = page.getByTestId('candidate');
  await candidate.getByText('Não assinado — só com modo de desenvolvedor').waitFor();
  await candidate.getByText(/só pode ser instalado com o modo de desenvolvedor ligado/).waitFor();
  assert.equal(await page.getByTestId('install-confirm').count(), 0, 'no install button for a refused plugin');
  await candidate.getByRole('button', { name: 'Cancelar' }).click();

  await page.getByTestId('dev-mode').locator('label.switch').click();
  await page.getByText(/Ligar o modo de desenvolvedor permite instalar/).waitFor();
  await page.getByTestId('dev-mode-confirm').click();
  await page.getByText('Modo de desenvolvedor ligado. Desligue quando terminar os testes.').waitFor();

  await page.getByTestId('install-folder').click();
  await candidate.waitFor();
  const grant = page.getByTestId('candidate-grant-log');
  assert.equal(await grant.isChecked(), false, 'nothing is pre-granted');
  await grant.check();
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await shot(page, '15-instalar-plugin');
  await page.getByTestId('install-confirm').click();
  await page.getByText('Amostras do laboratório parceiro 1.0.0 foi instalado.').waitFor({ timeout: 60_000 });
  const card = page.getByTestId('plugin-amostras-lab');
  await card.getByText('Não assinado — só com modo de desenvolvedor').waitFor();
  await card.getByTestId('revoke-log').waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot(page, '16-plugin-instalado');

  // an upgrade keeps the previous version, and the card rolls back to it
  writeFileSync(path.join(dir, 'plugin.json'), JSON.stringify({ ...manifest, id: 'amostras-lab', name: 'Amostras do laboratório parceiro', author: 'Laboratório Parceiro', capabilities: ['log'], version: '1.1.0' }, null, 2));
  await page.getByTestId('install-folder').click();
  await candidate.getByText('Atualização: versão 1.0.0 → 1.1.0 (a versão atual fica guardada para voltar).').waitFor();
  await page.getByTestId('candidate-grant-log').check();
  await page.getByTestId('install-confirm').click();
  await page.getByText('Amostras do laboratório parceiro foi atualizado de 1.0.0 para 1.1.0.').waitFor({ timeout: 60_000 });
  await card.getByText('versão 1.1.0', { exact: false }).first().waitFor();
  await card.getByRole('button', { name: 'Voltar para a versão 1.0.0' }).click();
  await page.getByText('Amostras do laboratório parceiro voltou para a versão 1.0.0.').waitFor({ timeout: 60_000 });
  await card.getByText('versão 1.0.0', { exact: false }).first().waitFor();

  await card.getByTestId('revoke-log').click();
  await page.getByText('Permissão revogada de Amostras do laboratório parceiro.').waitFor();
  await card.getByTestId('grant-log').waitFor();
  await card.getByTestId('remove').click();
  await card.getByTestId('remove-confirm').click();
  await page.getByText('Amostras do laboratório parceiro foi removido.').waitFor();
  await page.getByTestId('dev-mode').locator('label.switch').click();
  await page.getByText('Desligado: só plugins assinados por chaves confiáveis são instalados e executados.').waitFor();
});

test("a partner's key is added in the app: its signed plugin installs without developer mode, and stops when the key is removed", async () => {
  // the partner, as plugins/README.md tells authors: keygen, then sign the built plugin folder
  const dir = path.join(harness.root, 'plugin-escolhido');
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'dist', 'plugins', 'c-example'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'plugin.json'), 'utf8'));
  writeFileSync(path.join(dir, 'plugin.json'), JSON.stringify({ ...manifest, id: 'amostras-parceiro', name: 'Amostras assinadas pelo parceiro', author: 'Laboratório Parceiro', limits: { ...manifest.limits, instructions: 50_000_000 } }, null, 2));
  const keys = path.join(harness.root, 'chaves-parceiro');
  rmSync(keys, { recursive: true, force: true });
  const cli = (...args) => execFileSync(process.execPath, [path.join(root, 'bin', 'sigilo.js'), 'plugin', ...args], { encoding: 'utf8' });
  cli('keygen', '--out', keys, '--name', 'laboratorio');
  cli('sign', dir, '--key', path.join(keys, 'laboratorio.key'));

  await page.getByTestId('install-folder').click();
  const candidate = page.getByTestId('candidate');
  await candidate.getByText('Assinado por chave não confiável — só com modo de desenvolvedor').waitFor();
  await candidate.getByRole('button', { name: 'Cancelar' }).click();

  const panel = page.getByTestId('trusted-keys');
  await panel.scrollIntoViewIfNeeded();
  // the private key by mistake: refused, with a warning
  await panel.getByTestId('key-name').fill('Laboratório Parceiro');
  await panel.getByTestId('key-pem').fill(readFileSync(path.join(keys, 'laboratorio.key'), 'utf8'));
  await panel.getByTestId('key-add').click();
  await panel.getByText(/Isto é uma chave PRIVADA/).waitFor();
  // the public key, read from the author's .pub file
  await panel.getByTestId('key-file').setInputFiles(path.join(keys, 'laboratorio.pub'));
  await panel.getByTestId('key-pem').evaluate((el) => new Promise((resolve) => { const check = () => (el.value.includes('BEGIN PUBLIC KEY') ? resolve() : setTimeout(check, 20)); check(); }));
  await panel.getByTestId('key-add').click();
  await panel.getByText('Chave de “Laboratório Parceiro” adicionada. Os plugins assinados por ela já podem ser instalados e executados.').waitFor();
  await panel.getByText('Laboratório Parceiro', { exact: true }).waitFor();
  await shot(page, '17-chave-de-parceiro');

  await page.getByTestId('install-folder').click();
  await candidate.getByText('Assinado por Laboratório Parceiro (confiável)').waitFor();
  await page.getByTestId('install-confirm').click();
  await page.getByText('Amostras assinadas pelo parceiro 1.0.0 foi instalado.').waitFor({ timeout: 60_000 });
  const card = page.getByTestId('plugin-amostras-parceiro');
  await card.getByText('Assinado por Laboratório Parceiro (confiável)').waitFor();
  assert.equal(await card.locator('.notice').count(), 0, 'the partner plugin loads');
  // its manifest sets a deterministic instruction budget: the card says so
  await card.getByTestId('instructions').getByText('Instruções por chamada (mediana; limite 50.000.000)').waitFor();

  await panel.getByTestId('key-remove').click();
  await panel.getByTestId('key-remove-confirm').click();
  await panel.getByText(/Chave de “Laboratório Parceiro” removida/).waitFor();
  await card.getByText('Assinado por chave não confiável — só com modo de desenvolvedor').waitFor();
  await card.getByText(/Este detector não pôde ser carregado/).waitFor();
  await card.getByTestId('remove').click();
  await card.getByTestId('remove-confirm').click();
  await page.getByText('Amostras assinadas pelo parceiro foi removido.').waitFor();
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

test('the data folder can be changed: chosen, checked, saved for the next start, undone', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('data-dir-change').click();
  const offer = page.getByTestId('data-dir-offer');
  await offer.getByText(/outra-pasta-de-dados/).waitFor();
  await offer.getByText('A pasta será criada no próximo início do Sigilo.').waitFor();
  assert.equal(await page.getByTestId('data-dir-copy').isChecked(), true);
  await offer.scrollIntoViewIfNeeded();
  await shot(page, '13-pasta-de-dados-escolhida');
  await page.getByTestId('data-dir-use').click();
  await page.getByTestId('data-dir-pending').waitFor();
  await page.getByText(/Feche e abra o Sigilo de novo/).waitFor();
  await shot(page, '14-pasta-de-dados-reiniciar');
  const bootstrap = JSON.parse(readFileSync(path.join(harness.root, 'bootstrap.json'), 'utf8'));
  assert.equal(bootstrap.dataDir, path.join(harness.root, 'outra-pasta-de-dados'));
  assert.equal(bootstrap.copyFrom, harness.dataDir);
  assert.equal(existsSync(bootstrap.dataDir), false, 'nothing is created before the restart');
  await page.getByTestId('data-dir-undo').click();
  await page.getByTestId('data-dir-pending').waitFor({ state: 'detached' });
  assert.deepEqual(JSON.parse(readFileSync(path.join(harness.root, 'bootstrap.json'), 'utf8')), {});
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
