// The study API's chunked, resumable upload (Api/Features/Study/README.md, "Media upload"): start → PUT every chunk
// (raw bytes) → ask which are missing and send those again → complete. The server decides the type by content.
// Sending a chunk again changes nothing, so after a dropped connection the chunks the server does not have are resent.
const api = require('../api/study');

/** Bytes of every chunk but the last: between the API's Study:MinChunkBytes (256 KB) and Study:MaxChunkBytes (8 MB). */
const CHUNK_BYTES = 1024 * 1024;
/** Rounds of "what is missing? send it" before giving up (the next tap on 发布 resumes from the server's answer). */
const ROUNDS = 3;

function readChunk(filePath, position, length) {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      position,
      length,
      success: (res) => resolve(res.data),
      fail: () => reject({ title: '无法读取文件', detail: '请重新选择文件后再试。' }),
    });
  });
}

/**
 * Uploads file { path, name, size }; `state` is kept by the page between taps ({ upload }) so a second tap resumes the
 * same upload. onProgress(sent, total) after each chunk. Resolves with the completed upload { id, kind, status, … }.
 */
async function send(file, state, onProgress, idempotencyKey) {
  let upload = state.upload;
  if (upload && upload.fileName === file.name && upload.size === file.size) {
    upload = await api.upload(upload.id);
  } else {
    upload = await api.startUpload({ fileName: file.name, size: file.size, chunkSize: CHUNK_BYTES }, idempotencyKey);
  }
  state.upload = upload;
  for (let round = 0; round < ROUNDS && upload.status === 'Uploading' && upload.missing.length; round++) {
    for (const index of upload.missing.slice()) {
      const position = index * upload.chunkSize;
      const bytes = await readChunk(file.path, position, Math.min(upload.chunkSize, upload.size - position));
      try {
        await api.putChunk(upload.id, index, bytes);
      } catch (err) {
        if (!err || !err.network) throw err;
        // A lost answer: the next round asks the server which chunks it has.
      }
      if (onProgress) onProgress(index + 1, upload.chunkCount);
    }
    upload = await api.upload(upload.id);
    state.upload = upload;
  }
  if (upload.status === 'Uploading') {
    if (upload.missing.length) throw { title: '上传未完成', detail: '网络不稳定，还有 ' + upload.missing.length + ' 个分片未上传，请再点一次继续上传。' };
    upload = await api.completeUpload(upload.id);
    state.upload = upload;
  }
  return upload;
}

module.exports = { CHUNK_BYTES, send };
