// A multipart/form-data body built in memory, for wx.request (which sends an ArrayBuffer as it is): one file field.
// wx.uploadFile would need a file on disk and bypass the API client (its sign-in retry and ProblemDetails), so the
// pages that upload a sheet (the graduation batch) send it this way through api/client.js.

/** UTF-8 bytes of a string (the base library has no TextEncoder on every phone). */
function utf8(text) {
  const bytes = [];
  const s = String(text);
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(bytes);
}

/** The bytes of a file given as an ArrayBuffer, a typed array or text (encoded as UTF-8). */
function bytesOf(content) {
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  if (content && content.buffer instanceof ArrayBuffer) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
  return utf8(content === undefined || content === null ? '' : content);
}

/**
 * → { body: ArrayBuffer, contentType } with one part `field` holding the file. The file name is sent as plain ASCII
 * (`fallbackName`, whose extension the server reads) and, when it has other characters, also as RFC 5987 filename*.
 */
function fileForm(field, fileName, content, fallbackName) {
  const boundary = '----SmartBranch' + Date.now().toString(16) + Math.floor(Math.random() * 0x100000000).toString(16);
  const name = String(fileName || fallbackName || 'file');
  const ascii = /^[\x20-\x7e]+$/.test(name) && name.indexOf('"') < 0 ? name : fallbackName || 'file';
  let disposition = 'form-data; name="' + field + '"; filename="' + ascii + '"';
  if (ascii !== name) disposition += "; filename*=UTF-8''" + encodeURIComponent(name);
  const head = utf8('--' + boundary + '\r\nContent-Disposition: ' + disposition + '\r\nContent-Type: application/octet-stream\r\n\r\n');
  const file = bytesOf(content);
  const tail = utf8('\r\n--' + boundary + '--\r\n');
  const all = new Uint8Array(head.length + file.length + tail.length);
  all.set(head, 0);
  all.set(file, head.length);
  all.set(tail, head.length + file.length);
  return { body: all.buffer, contentType: 'multipart/form-data; boundary=' + boundary };
}

module.exports = { utf8, fileForm };
