// What the browser suites (screen-tests, portal-tests, console-tests) share besides the API: Debian's Chromium launched
// headless, and an image to upload.
import { chromium } from 'playwright-core';
import { expectStatus } from './api.mjs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless Chromium without the background traffic (updates, sync) a test does not want. */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

// A real 1×1 PNG, so the browser can decode and measure it.
export const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Uploads the PNG as `phone` (a signIn result) through POST /api/media; answers the media id. */
export async function uploadImage(phone, visibility) {
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'story.png');
  form.append('visibility', visibility);
  return expectStatus(await phone.call('POST', '/api/media', form), 201, 'upload').id;
}
