// Renders an SVG chart to PNG with @napi-rs/canvas (to look at it):  node bench/render-png.mjs [IN.svg] [OUT.png]
import { createCanvas, Image } from '@napi-rs/canvas';
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2] ?? 'bench/results.svg';
const output = process.argv[3] ?? input.replace(/\.svg$/, '.png');
const svg = readFileSync(input);
const img = new Image();
img.src = svg;
const w = img.width || 1000, h = img.height || 800;
const canvas = createCanvas(w, h);
canvas.getContext('2d').drawImage(img, 0, 0, w, h);
writeFileSync(output, await canvas.encode('png'));
console.error(`${output}: ${w}×${h}`);
