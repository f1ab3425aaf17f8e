#!/usr/bin/env node
// Draws the Sigilo logo (same geometry as resources/icon.svg) into PNG icons with @napi-rs/canvas:
// resources/icon.png (1024, used for macOS/Windows) and resources/icons/NxN.png (Linux).
// usage: node resources/make-icons.mjs
import { createCanvas, Path2D } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHIELD = 'M32 12l16 6v12c0 10.5-6.8 18.6-16 22-9.2-3.4-16-11.5-16-22V18z';
const CHECK = 'M25 32.5l5 5 9.5-10';

function draw(size) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.scale(size / 64, size / 64);
  ctx.fillStyle = '#0f4c5c';
  ctx.beginPath();
  ctx.roundRect(0, 0, 64, 64, 14);
  ctx.fill();
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#e8f1f2';
  ctx.lineWidth = 4;
  ctx.stroke(new Path2D(SHIELD));
  ctx.strokeStyle = '#7fd1c3';
  ctx.lineWidth = 4.5;
  ctx.lineCap = 'round';
  ctx.stroke(new Path2D(CHECK));
  return canvas.toBuffer('image/png');
}

mkdirSync(path.join(here, 'icons'), { recursive: true });
writeFileSync(path.join(here, 'icon.png'), draw(1024));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), draw(size));
}
console.error('icons written to resources/icon.png and resources/icons/');
