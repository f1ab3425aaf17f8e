import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl, resolveRendererPath } from './app-path.js';

const root = path.resolve('/opt/sigilo/dist/renderer');

describe('resolveRendererPath (path-traversal guard of the app:// protocol)', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveRendererPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererPath(root, '/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each([
    '/../package.json',
    '/assets/../../main/main.js',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/assets%2f..%2f..%2fsecret',
    '/..\\..\\windows\\win.ini',
    '/assets/%5c..%5c..%5csecret',
    '/C:/Windows/win.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(resolveRendererPath(root, p)).toBeNull();
  });
});

describe('resolveAppUrl', () => {
  it('accepts only app://sigilo', () => {
    expect(resolveAppUrl(root, 'app://sigilo/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'https://sigilo/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'not a url')).toBeNull();
  });
  it('normalises dot segments the URL parser removes, and still stays inside', () => {
    // new URL() resolves "/a/../b" to "/b": that is inside the root and allowed
    expect(resolveAppUrl(root, 'app://sigilo/assets/../index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://sigilo/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });
});
